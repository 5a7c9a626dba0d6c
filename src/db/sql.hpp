// db/sql.hpp — composing a WHERE clause from optional filters.
//
// Each condition is written with `?` for its one parameter; numbering into
// $1..$N happens here, so filters can be added in any combination.
// Example:
//   Where w;
//   if (county) w.add("m.county_number = ?", *county);
//   w.add("(m.number) > (?)", after);
//   conn.query("SELECT ... FROM municipality m" + w.sql() + " ORDER BY m.number LIMIT " +
//              w.next() , w.params_with(limit));
#pragma once

#include "db/database.hpp"

#include <string>
#include <string_view>

namespace stemnet::db {

class Where {
 public:
  // Adds `condition`, whose `?` marks stand for `values` in order.
  void add(std::string_view condition, std::initializer_list<Value> values);
  // A parameter used outside the conditions (in a JOIN, say): its marker, "$N".
  std::string bind(Value value) {
    params_.push_back(std::move(value));
    return "$" + std::to_string(params_.size());
  }
  // " WHERE a AND b", or "" when there are no conditions.
  std::string sql() const;
  // The next free parameter, e.g. "$3", for a LIMIT after the conditions.
  std::string next_param() const { return "$" + std::to_string(params_.size() + 1); }
  const Params& params() const { return params_; }
  // The parameters with more appended (for the LIMIT and the like).
  Params params_with(std::initializer_list<Value> more) const;

 private:
  std::vector<std::string> conditions_;
  Params params_;
};

// Escapes % _ and \ for a LIKE pattern written with ESCAPE '\'.
std::string like_escape(std::string_view s);

}  // namespace stemnet::db
