// monitor/jsonstat/column.hpp — the `value` and `status` members of a
// dataset, collected compactly while they are parsed (no JSON value per
// cell); internal to the reader.
//
// The streaming parser (parse.hpp) feeds a builder one event at a time; a
// member that is already a DOM value goes through value_column() and
// status_column(). Either way a fault is kept as the first `problem`
// ("$.value[3]: true is not a number, a string or null") and parsing goes on.
//
// Example:
//   ValueBuilder b("$.value", kMaxCells);
//   b.begin_array(); b.number(1.5); b.null(); b.text("x");
//   ValueColumn col = b.finish();   // form array, length 3
#pragma once

#include <boost/json/value.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace stemnet::monitor::jsonstat::detail {

enum class Form { array, object, string, other };

struct ValueColumn {
  Form form = Form::other;
  std::size_t length = 0;     // elements of the array, members of the object
  std::vector<double> dense;  // array form: one per element, NaN for null or a string
  std::vector<std::pair<std::size_t, double>> sparse;      // object form
  std::vector<std::pair<std::size_t, std::string>> texts;  // string values, by cell
  std::string problem;                                     // the first fault, with its path
};

struct StatusColumn {
  Form form = Form::other;
  std::size_t length = 0;
  std::vector<std::string> names;    // distinct statuses; code k is names[k - 1]
  std::vector<std::uint16_t> dense;  // array form: a code per element, 0 for null
  std::vector<std::pair<std::size_t, std::uint16_t>> sparse;  // object form
  std::string problem;
};

class ValueBuilder {
 public:
  ValueBuilder(std::string path, std::uint64_t max_cells);
  void begin_array();
  void begin_object();
  void key(std::string_view k);
  void number(double d);
  void null();
  void text(std::string_view s);
  // An element that is none of the above ("true", "an array", ...).
  void invalid(std::string_view what);
  // The member itself is not an array or object.
  void not_a_container(std::string_view what);
  ValueColumn finish() { return std::move(col_); }
  // True while elements are worth capturing (false past the cell limit).
  bool has_room() const { return col_.length <= max_; }

 private:
  std::optional<std::size_t> next_cell();  // the cell of the next array element or member
  std::string here() const;                // path of the current element
  void fault(std::string what);

  std::string path_;
  std::uint64_t max_;
  ValueColumn col_;
  std::string key_;
  std::optional<std::size_t> key_cell_;
};

class StatusBuilder {
 public:
  StatusBuilder(std::string path, std::uint64_t max_cells);
  void begin_array();
  void begin_object();
  void key(std::string_view k);
  void null();
  void text(std::string_view s);
  void invalid(std::string_view what);
  // The member is a string: one status for every cell.
  void single(std::string_view s);
  void not_a_container(std::string_view what);
  StatusColumn finish() { return std::move(col_); }

 private:
  std::uint16_t code(std::string_view s);
  std::string here() const;
  void fault(std::string what);

  std::string path_;
  std::uint64_t max_;
  StatusColumn col_;
  std::unordered_map<std::string, std::uint16_t> codes_;
  std::string key_;
  std::optional<std::size_t> key_cell_;
};

// The same, from a member already parsed into a DOM value.
ValueColumn value_column(const boost::json::value& v, std::string path, std::uint64_t max_cells);
StatusColumn status_column(const boost::json::value& v, std::string path, std::uint64_t max_cells);

// How a JSON value is named in messages: "true", "an object", "a number".
std::string describe(const boost::json::value& v);

}  // namespace stemnet::monitor::jsonstat::detail
