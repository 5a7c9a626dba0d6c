#include "db/sql.hpp"

namespace stemnet::db {

void Where::add(std::string_view condition, std::initializer_list<Value> values) {
  std::string out;
  auto it = values.begin();
  for (char c : condition) {
    if (c == '?' && it != values.end()) {
      params_.push_back(*it++);
      out += "$" + std::to_string(params_.size());
    } else {
      out += c;
    }
  }
  conditions_.push_back(std::move(out));
}

std::string Where::sql() const {
  std::string out;
  for (std::size_t i = 0; i < conditions_.size(); ++i) {
    out += i == 0 ? " WHERE " : " AND ";
    out += conditions_[i];
  }
  return out;
}

Params Where::params_with(std::initializer_list<Value> more) const {
  Params p = params_;
  p.insert(p.end(), more.begin(), more.end());
  return p;
}

std::string like_escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace stemnet::db
