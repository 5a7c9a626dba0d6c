#include "monitor/jsonstat/column.hpp"

#include "monitor/jsonstat/detail.hpp"

#include <cmath>
#include <limits>

namespace stemnet::monitor::jsonstat::detail {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

std::string too_many(std::uint64_t max) {
  return "more than " + std::to_string(max) + " cells (the limit)";
}

}  // namespace

std::string describe(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      return "null";
    case boost::json::kind::bool_:
      return v.get_bool() ? "true" : "false";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
    case boost::json::kind::double_:
      return "a number";
    case boost::json::kind::string:
      return "a string";
    case boost::json::kind::array:
      return "an array";
    case boost::json::kind::object:
      return "an object";
  }
  return "a value";
}

// ---- ValueBuilder ----

ValueBuilder::ValueBuilder(std::string path, std::uint64_t max_cells)
    : path_(std::move(path)), max_(max_cells) {}

void ValueBuilder::begin_array() { col_.form = Form::array; }
void ValueBuilder::begin_object() { col_.form = Form::object; }

void ValueBuilder::fault(std::string what) {
  if (col_.problem.empty()) col_.problem = std::move(what);
}

std::string ValueBuilder::here() const {
  return col_.form == Form::array ? element(path_, col_.length - 1) : member(path_, key_);
}

void ValueBuilder::key(std::string_view k) {
  key_.assign(k);
  key_cell_ = cell_key(k);
  if (!key_cell_) fault(member(path_, k) + ": the key is not a cell index (0, 1, 2, ...)");
}

std::optional<std::size_t> ValueBuilder::next_cell() {
  ++col_.length;
  if (col_.length > max_) {
    if (col_.length == max_ + 1) fault(path_ + ": " + too_many(max_));
    return std::nullopt;
  }
  if (col_.form == Form::array) return col_.length - 1;
  return key_cell_;
}

void ValueBuilder::number(double d) {
  const auto cell = next_cell();
  if (!std::isfinite(d)) {  // 1e999: valid JSON, but no double holds it
    fault(here() + ": a number out of the range of a double");
    return;
  }
  if (col_.form == Form::array) {
    if (cell) col_.dense.push_back(d);
  } else if (cell) {
    col_.sparse.emplace_back(*cell, d);
  }
}

void ValueBuilder::null() {
  const auto cell = next_cell();
  if (col_.form == Form::array && cell) col_.dense.push_back(kMissing);
}

void ValueBuilder::text(std::string_view s) {
  const auto cell = next_cell();
  if (col_.form == Form::array && cell) col_.dense.push_back(kMissing);
  if (cell) col_.texts.emplace_back(*cell, std::string(s));
}

void ValueBuilder::invalid(std::string_view what) {
  const auto cell = next_cell();
  if (col_.form == Form::array && cell) col_.dense.push_back(kMissing);
  fault(here() + ": " + std::string(what) + " is not a number, a string or null");
}

void ValueBuilder::not_a_container(std::string_view what) {
  col_.form = Form::other;
  fault(path_ + ": " + std::string(what) + " where an array or an object of values belongs");
}

// ---- StatusBuilder ----

StatusBuilder::StatusBuilder(std::string path, std::uint64_t max_cells)
    : path_(std::move(path)), max_(max_cells) {}

void StatusBuilder::begin_array() { col_.form = Form::array; }
void StatusBuilder::begin_object() { col_.form = Form::object; }

void StatusBuilder::fault(std::string what) {
  if (col_.problem.empty()) col_.problem = std::move(what);
}

std::string StatusBuilder::here() const {
  return col_.form == Form::array ? element(path_, col_.length - 1) : member(path_, key_);
}

void StatusBuilder::key(std::string_view k) {
  key_.assign(k);
  key_cell_ = cell_key(k);
  if (!key_cell_) fault(member(path_, k) + ": the key is not a cell index (0, 1, 2, ...)");
}

std::uint16_t StatusBuilder::code(std::string_view s) {
  if (s.empty()) return 0;
  auto it = codes_.find(std::string(s));
  if (it != codes_.end()) return it->second;
  if (col_.names.size() >= 65535) {
    fault(here() + ": more than 65535 distinct statuses");
    return 0;
  }
  col_.names.emplace_back(s);
  const auto c = static_cast<std::uint16_t>(col_.names.size());
  codes_.emplace(std::string(s), c);
  return c;
}

void StatusBuilder::null() {
  ++col_.length;
  if (col_.form == Form::array) {
    if (col_.length <= max_) col_.dense.push_back(0);
  } else {
    fault(here() + ": null is not a status (a string)");
  }
}

void StatusBuilder::text(std::string_view s) {
  ++col_.length;
  if (col_.length > max_) {
    if (col_.length == max_ + 1) fault(path_ + ": " + too_many(max_));
    return;
  }
  const std::uint16_t c = code(s);
  if (col_.form == Form::array) {
    col_.dense.push_back(c);
  } else if (key_cell_ && c != 0) {
    col_.sparse.emplace_back(*key_cell_, c);
  }
}

void StatusBuilder::invalid(std::string_view what) {
  ++col_.length;
  if (col_.form == Form::array && col_.length <= max_) col_.dense.push_back(0);
  fault(here() + ": " + std::string(what) + " is not a status (a string)");
}

void StatusBuilder::single(std::string_view s) {
  col_.form = Form::string;
  col_.length = 1;
  if (!s.empty()) col_.names.emplace_back(s);
}

void StatusBuilder::not_a_container(std::string_view what) {
  col_.form = Form::other;
  fault(path_ + ": " + std::string(what) + " where a string, an array or an object belongs");
}

// ---- from a DOM value ----

ValueColumn value_column(const boost::json::value& v, std::string path, std::uint64_t max_cells) {
  ValueBuilder b(std::move(path), max_cells);
  const auto element = [&](const boost::json::value& e) {
    switch (e.kind()) {
      case boost::json::kind::null:
        b.null();
        break;
      case boost::json::kind::int64:
      case boost::json::kind::uint64:
      case boost::json::kind::double_:
        b.number(e.to_number<double>());
        break;
      case boost::json::kind::string:
        b.text(e.get_string());
        break;
      default:
        b.invalid(describe(e));
    }
  };
  if (const auto* a = v.if_array()) {
    b.begin_array();
    for (const auto& e : *a) {
      element(e);
      if (!b.has_room()) break;
    }
  } else if (const auto* o = v.if_object()) {
    b.begin_object();
    for (const auto& [k, e] : *o) {
      b.key(k);
      element(e);
      if (!b.has_room()) break;
    }
  } else {
    b.not_a_container(describe(v));
  }
  return b.finish();
}

StatusColumn status_column(const boost::json::value& v, std::string path, std::uint64_t max_cells) {
  StatusBuilder b(std::move(path), max_cells);
  const auto element = [&](const boost::json::value& e) {
    if (e.is_null()) {
      b.null();
    } else if (e.is_string()) {
      b.text(e.get_string());
    } else {
      b.invalid(describe(e));
    }
  };
  if (const auto* s = v.if_string()) {
    b.single(*s);
  } else if (const auto* a = v.if_array()) {
    b.begin_array();
    for (const auto& e : *a) element(e);
  } else if (const auto* o = v.if_object()) {
    b.begin_object();
    for (const auto& [k, e] : *o) {
      b.key(k);
      element(e);
    }
  } else {
    b.not_a_container(describe(v));
  }
  return b.finish();
}

}  // namespace stemnet::monitor::jsonstat::detail
