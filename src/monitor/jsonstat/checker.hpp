// monitor/jsonstat/checker.hpp — the validator's walk over a response;
// internal to validate.cpp (responses, collections, links, common members)
// and validate_dataset.cpp (datasets, dimensions, values, statuses).
//
// Example:
//   std::vector<Issue> issues;
//   detail::Checker(issues).response(doc);
#pragma once

#include "monitor/jsonstat/validate.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stemnet::monitor::jsonstat::detail {

// Where a dataset sits: at the root of a 2.0 response, embedded in a
// collection's link.item, or a member of a 1.x bundle.
enum class Where { root, item, bundle };

// The first of a run of like faults, reported once with how many there were.
struct Tally {
  std::string code;
  std::string path;
  std::string message;
  std::size_t count = 0;
  void add(std::string_view c, std::string p, std::string m) {
    if (count++ == 0) {
      code = c;
      path = std::move(p);
      message = std::move(m);
    }
  }
};

class Checker {
 public:
  explicit Checker(std::vector<Issue>& out) : out_(out) {}

  void response(const boost::json::value& doc);

  // validate.cpp
  void error(std::string_view code, std::string path, std::string message);
  void warning(std::string_view code, std::string path, std::string message);
  void flush(const Tally& t);
  void collection(const boost::json::object& o, const std::string& path, bool root);
  void link(const boost::json::value& v, const std::string& path);
  void link_item(const boost::json::object& o, const std::string& path);
  // "version" of a 2.0 response (at the root).
  void version(const boost::json::object& o);
  // label, href, source, updated, note, extension, error, link, when present.
  void common(const boost::json::object& o, const std::string& path, bool with_link = true);
  void only(const boost::json::object& o, const std::string& path,
            std::initializer_list<std::string_view> allowed);
  // An array of strings; duplicates are `dup_code` when given. False when not an array.
  bool strings(const boost::json::value& v, const std::string& path, std::string_view dup_code);
  bool is_string(const boost::json::value* v, const std::string& path);

  // validate_dataset.cpp
  void dataset(const boost::json::object& o, const std::string& path, Where where);
  // A dimension of a dataset: its members, then category_member().
  void dimension(const boost::json::object& o, const std::string& path,
                 std::optional<std::uint64_t> size, bool metric);
  // The required "category" of a dimension, a dimension response or item.
  void category_member(const boost::json::object& o, const std::string& path,
                       std::optional<std::uint64_t> size, bool metric);
  void values(const boost::json::value& v, const std::string& path, std::optional<std::uint64_t> n);
  void statuses(const boost::json::value& v, const std::string& path,
                std::optional<std::uint64_t> n);

 private:
  void bundle(const boost::json::object& o);
  void category(const boost::json::object& cat, const std::string& path,
                std::optional<std::uint64_t> size, bool metric);
  void children(const boost::json::value& v, const std::string& path,
                const std::vector<std::string_view>& ids);

  std::vector<Issue>& out_;
};

}  // namespace stemnet::monitor::jsonstat::detail
