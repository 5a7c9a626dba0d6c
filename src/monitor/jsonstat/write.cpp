#include "monitor/jsonstat/write.hpp"

#include "monitor/jsonstat/detail.hpp"
#include "text/json_write.hpp"

namespace stemnet::monitor::jsonstat {
namespace {

using detail::append_string;

// Writes `"key":` preceded by a comma unless it is the first member.
class Members {
 public:
  Members(std::string& out) : out_(out) { out_ += '{'; }
  std::string& key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = false;
    append_string(out_, k);
    out_ += ':';
    return out_;
  }
  void close() { out_ += '}'; }

 private:
  std::string& out_;
  bool first_ = true;
};

void strings(std::string& out, const std::vector<std::string>& items) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    append_string(out, items[i]);
  }
  out += ']';
}

void optional_string(Members& m, std::string_view key, const std::optional<std::string>& s) {
  if (s) append_string(m.key(key), *s);
}

void notes(Members& m, const std::vector<std::string>& n) {
  if (!n.empty()) strings(m.key("note"), n);
}

void json_member(Members& m, std::string_view key, const boost::json::value& v) {
  if (!v.is_null()) text::append_json(m.key(key), v);
}

void unit(std::string& out, const Unit& u) {
  Members m(out);
  if (u.decimals) m.key("decimals") += std::to_string(*u.decimals);
  optional_string(m, "label", u.label);
  optional_string(m, "symbol", u.symbol);
  optional_string(m, "position", u.position);
  for (const auto& [k, v] : u.other)
    text::append_json(m.key(std::string_view(k.data(), k.size())), v);
  m.close();
}

// category.<name>: {id: f(category)} for the categories `has` selects; left
// out when there are none.
template <class Has, class F>
void per_category(Members& cat, std::string_view name, const Dimension& dim, Has has, F f) {
  bool any = false;
  for (const auto& c : dim.categories) any = any || has(c);
  if (!any) return;
  Members m(cat.key(name));
  for (const auto& c : dim.categories) {
    if (has(c)) f(m.key(c.id), c);
  }
  m.close();
}

void dimension(std::string& out, const Dimension& dim) {
  Members m(out);
  optional_string(m, "label", dim.label);
  optional_string(m, "href", dim.href);
  notes(m, dim.notes);
  json_member(m, "link", dim.link);
  json_member(m, "extension", dim.extension);
  Members cat(m.key("category"));
  std::string& index = cat.key("index");
  index += '[';
  for (std::size_t i = 0; i < dim.categories.size(); ++i) {
    if (i > 0) index += ',';
    append_string(index, dim.categories[i].id);
  }
  index += ']';
  per_category(
      cat, "label", dim, [](const Category& c) { return c.label.has_value(); },
      [](std::string& o, const Category& c) { append_string(o, *c.label); });
  per_category(
      cat, "note", dim, [](const Category& c) { return !c.notes.empty(); },
      [](std::string& o, const Category& c) { strings(o, c.notes); });
  per_category(
      cat, "unit", dim, [](const Category& c) { return c.unit.has_value(); },
      [](std::string& o, const Category& c) { unit(o, *c.unit); });
  per_category(
      cat, "coordinates", dim, [](const Category& c) { return c.coordinates.has_value(); },
      [](std::string& o, const Category& c) {
        o += '[';
        text::append_number(o, (*c.coordinates)[0]);
        o += ',';
        text::append_number(o, (*c.coordinates)[1]);
        o += ']';
      });
  per_category(
      cat, "child", dim, [](const Category& c) { return !c.children.empty(); },
      [](std::string& o, const Category& c) { strings(o, c.children); });
  cat.close();
  m.close();
}

void one_value(std::string& out, std::optional<double> number, std::optional<std::string_view> t) {
  if (number) {
    text::append_number(out, *number);
  } else if (t) {
    append_string(out, *t);
  } else {
    out += "null";
  }
}

// `n` cells (the dataset's, in case `v` was built with another count).
void values(std::string& out, const Values& v, std::size_t n) {
  if (v.count() * 2 >= n) {
    out.reserve(out.size() + n * 8);
    out += '[';
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) out += ',';
      one_value(out, v.number(i), v.text(i));
    }
    out += ']';
    return;
  }
  out += '{';
  bool first = true;
  v.for_each(
      [&](std::size_t cell, std::optional<double> number, std::optional<std::string_view> t) {
        if (cell >= n) return;
        if (!first) out += ',';
        first = false;
        out += '"';
        out += std::to_string(cell);
        out += "\":";
        one_value(out, number, t);
      });
  out += '}';
}

void statuses(std::string& out, const Statuses& s, std::size_t n) {
  if (s.uniform() && s.size() == n) {
    append_string(out, s.at(0));
  } else if (s.count() * 2 >= n) {
    out += '[';
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) out += ',';
      if (auto st = s.at(i); st.empty()) {
        out += "null";
      } else {
        append_string(out, st);
      }
    }
    out += ']';
  } else {
    out += '{';
    bool first = true;
    s.for_each([&](std::size_t cell, std::string_view st) {
      if (cell >= n) return;
      if (!first) out += ',';
      first = false;
      out += '"';
      out += std::to_string(cell);
      out += "\":";
      append_string(out, st);
    });
    out += '}';
  }
}

}  // namespace

void write(const Dataset& ds, std::string& out) {
  Members m(out);
  append_string(m.key("version"), "2.0");
  append_string(m.key("class"), "dataset");
  optional_string(m, "href", ds.href);
  optional_string(m, "label", ds.label);
  notes(m, ds.notes);
  optional_string(m, "source", ds.source);
  optional_string(m, "updated", ds.updated);
  json_member(m, "extension", ds.extension);
  json_member(m, "link", ds.link);
  if (ds.error.is_array()) json_member(m, "error", ds.error);
  strings(m.key("id"), ds.ids());
  std::string& size = m.key("size");
  size += '[';
  for (std::size_t d = 0; d < ds.dimensions.size(); ++d) {
    if (d > 0) size += ',';
    size += std::to_string(ds.dimensions[d].size());
  }
  size += ']';
  bool any_role = false;
  for (const auto& [role, ids] : ds.roles) any_role = any_role || !ids.empty();
  if (any_role) {
    Members roles(m.key("role"));
    for (const auto& [role, ids] : ds.roles) {
      if (!ids.empty()) strings(roles.key(role), ids);
    }
    roles.close();
  }
  Members dims(m.key("dimension"));
  for (const auto& dim : ds.dimensions) dimension(dims.key(dim.id), dim);
  dims.close();
  const std::size_t n = ds.cell_count();
  values(m.key("value"), ds.values, n);
  if (ds.statuses.count() > 0) statuses(m.key("status"), ds.statuses, n);
  m.close();
}

std::string write(const Dataset& ds) {
  std::string out;
  write(ds, out);
  return out;
}

}  // namespace stemnet::monitor::jsonstat
