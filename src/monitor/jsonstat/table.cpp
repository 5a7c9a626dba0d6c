#include "monitor/jsonstat/table.hpp"

#include "text/json_write.hpp"

namespace stemnet::monitor::jsonstat {
namespace {

std::string_view name_of(const Category& c, Content content) {
  return content == Content::label ? c.label_or_id() : std::string_view(c.id);
}

// A field as CSV (quoted when it must be) or TSV (tabs and breaks as spaces).
void append_field(std::string& out, std::string_view s, TableFormat format) {
  if (format == TableFormat::tsv) {
    for (char c : s) out += (c == '\t' || c == '\n' || c == '\r') ? ' ' : c;
    return;
  }
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

// Calls visit(positions, flat) for every cell in row-major order, moving the
// positions like an odometer (the last dimension fastest).
template <class F>
void each_cell(const std::vector<std::size_t>& sizes, F&& visit) {
  std::size_t total = 1;
  for (auto s : sizes) total *= s;
  std::vector<std::size_t> pos(sizes.size(), 0);
  for (std::size_t flat = 0; flat < total; ++flat) {
    visit(pos, flat);
    for (std::size_t d = sizes.size(); d-- > 0;) {
      if (++pos[d] < sizes[d]) break;
      pos[d] = 0;
    }
  }
}

}  // namespace

Table::Table(const Dataset& dataset, Content content) : dataset_(dataset), content_(content) {
  for (const auto& d : dataset.dimensions) {
    header_.emplace_back(content == Content::label ? d.label_or_id() : std::string_view(d.id));
  }
  header_.emplace_back(content == Content::label ? "Value" : "value");
  has_status_ = dataset.statuses.count() > 0;
  if (has_status_) header_.emplace_back(content == Content::label ? "Status" : "status");
}

Cell Table::row(std::size_t index, std::vector<std::string_view>& categories) const {
  const auto& dims = dataset_.dimensions;
  categories.resize(dims.size());
  std::size_t rest = index;
  for (std::size_t d = dims.size(); d-- > 0;) {
    const std::size_t n = dims[d].size();
    categories[d] = name_of(dims[d].categories[rest % n], content_);
    rest /= n;
  }
  return dataset_.cell_at(index);
}

void Table::for_each(
    const std::function<void(std::span<const std::string_view>, const Cell&)>& visit) const {
  const auto& dims = dataset_.dimensions;
  std::vector<std::string_view> categories(dims.size());
  each_cell(dataset_.sizes(), [&](const std::vector<std::size_t>& pos, std::size_t flat) {
    for (std::size_t d = 0; d < dims.size(); ++d) {
      categories[d] = name_of(dims[d].categories[pos[d]], content_);
    }
    visit(categories, dataset_.cell_at(flat));
  });
}

void write_table(const Dataset& ds, TableFormat format, Content content, std::ostream& out) {
  const char sep = format == TableFormat::csv ? ',' : '\t';
  const Table table(ds, content);
  std::string buf;
  buf.reserve(1 << 17);
  for (std::size_t i = 0; i < table.header().size(); ++i) {
    if (i > 0) buf += sep;
    append_field(buf, table.header()[i], format);
  }
  buf += '\n';

  // Each category's field, escaped once, with its separator.
  std::vector<std::vector<std::string>> fields(ds.dimensions.size());
  for (std::size_t d = 0; d < ds.dimensions.size(); ++d) {
    for (const auto& c : ds.dimensions[d].categories) {
      std::string& f = fields[d].emplace_back();
      append_field(f, name_of(c, content), format);
      f += sep;
    }
  }
  const bool status = table.has_status();
  each_cell(ds.sizes(), [&](const std::vector<std::size_t>& pos, std::size_t flat) {
    for (std::size_t d = 0; d < pos.size(); ++d) buf += fields[d][pos[d]];
    if (auto v = ds.values.number(flat)) {
      text::append_number(buf, *v);
    } else if (auto t = ds.values.text(flat)) {
      append_field(buf, *t, format);
    }
    if (status) {
      buf += sep;
      append_field(buf, ds.statuses.at(flat), format);
    }
    buf += '\n';
    if (buf.size() >= (1 << 16)) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  });
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
}

}  // namespace stemnet::monitor::jsonstat
