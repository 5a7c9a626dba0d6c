// monitor/jsonstat/table.hpp — a dataset as a flat table, and as CSV or TSV.
//
// Like jsonstat-toolkit's toTable: one row per cell in row-major order, a
// column per dimension holding the category label or id, then the value and,
// when any cell has one, the status. The table is a view: rows are made as
// they are visited, so a table of millions of cells costs no memory, and
// write_table streams it out.
//
// CSV quotes a field holding a comma, quote, CR or LF (RFC 4180, quotes
// doubled); TSV has no quoting, so tabs and line breaks in a field become
// spaces. Rows end in "\n". Numbers are in shortest round-trip form; a
// missing value is an empty field.
//
// Example:
//   Table table(ds, Content::label);
//   table.for_each([](std::span<const std::string_view> categories, const Cell& cell) { ... });
//   write_table(ds, TableFormat::csv, Content::id, std::cout);
//   // country,year,age,concept,sex,value,status
//   // CA,2012,T,POP,T,34880.5,a
#pragma once

#include "monitor/jsonstat/model.hpp"

#include <functional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stemnet::monitor::jsonstat {

enum class TableFormat { csv, tsv };
// What names a dimension and a category in the table: its label (the id
// when it has none) or its id.
enum class Content { label, id };

class Table {
 public:
  // The dataset must outlive the table.
  Table(const Dataset& dataset, Content content);

  // Dimension labels or ids, then "Value" and "Status" ("value", "status" for ids).
  const std::vector<std::string>& header() const { return header_; }
  std::size_t rows() const { return dataset_.cell_count(); }
  bool has_status() const { return has_status_; }

  // Row `index` (< rows()): one category label or id per dimension into
  // `categories`, and its cell. O(number of dimensions).
  Cell row(std::size_t index, std::vector<std::string_view>& categories) const;
  // Visits every row in order, O(1) per row.
  void for_each(
      const std::function<void(std::span<const std::string_view>, const Cell&)>& visit) const;

 private:
  const Dataset& dataset_;
  Content content_;
  std::vector<std::string> header_;
  bool has_status_ = false;
};

// Writes the header and every row, in pieces of about 64 KiB.
void write_table(const Dataset& dataset, TableFormat format, Content content, std::ostream& out);

}  // namespace stemnet::monitor::jsonstat
