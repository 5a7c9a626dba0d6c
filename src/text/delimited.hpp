// text/delimited.hpp — read CSV/TSV text into a header and records.
//
// Reads UTF-8 text (see text/encoding.hpp for getting there) as published:
// comma- or tab-separated, an optional Excel `sep=X` first line, RFC 4180
// quoting ("a, b" and "say ""hi""" as fields, quoted fields may span lines),
// CRLF or LF line ends. Every record remembers the physical line it starts on,
// so an importer can report "file:line: what is wrong".
//
// Example:
//   auto table = text::read_delimited(utf8, "schools.tsv", {.separator = '\t'});
//   if (!table) return table.error();   // "schools.tsv:9: expected 18 fields, found 7: ..."
//   auto cols = table->columns({"Organisasjonsnummer", "EnhetNavn"});
//   if (!cols) return cols.error();     // "schools.tsv:2: missing column 'EnhetNavn'"
//   for (const auto& r : table->records) use(r.fields[(*cols)[0]], r.line);
#pragma once

#include <cstddef>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace stemnet::text {

struct DelimitedOptions {
  char separator = ',';
  // A first line exactly `sep=X` (X one character; as Excel writes it) sets
  // the separator to X and is skipped. It still counts for line numbers.
  bool allow_sep_line = true;
  // RFC 4180: a field that starts with '"' runs to the next lone '"', may hold
  // separators and line breaks, and writes a quote as "". A '"' inside an
  // unquoted field is kept as data. When false, '"' is always data.
  bool quoting = true;
};

struct Record {
  long line = 0;  // 1-based physical line the record starts on, counting a sep= line
  std::vector<std::string> fields;  // as many as the header has
};

struct Table {
  std::string file;                 // as given to read_delimited, for messages
  long header_line = 0;             // 1-based physical line of the header
  char separator = ',';             // the one actually used (after sep=)
  std::vector<std::string> header;  // column names as written
  std::vector<Record> records;

  // The index of the first column named exactly `name`.
  // On failure: Error::malformed_file(file, header_line, "missing column 'name'").
  [[nodiscard]] Result<std::size_t> column(std::string_view name) const;

  // The indexes of all `names`, in order. On failure the error names every
  // missing column at once: "missing column 'a'" or "missing columns 'a', 'b'"
  // (Error::malformed_file at header_line).
  [[nodiscard]] Result<std::vector<std::size_t>> columns(
      std::span<const std::string_view> names) const;
  [[nodiscard]] Result<std::vector<std::size_t>> columns(
      std::initializer_list<std::string_view> names) const;

  // An error about one field of `record`, for importers that reject a value:
  // Error::malformed_file(file, record.line, "column 'NAME': " + detail).
  Error field_error(const Record& record, std::size_t column, std::string_view detail) const;
};

// Splits `utf8` into a header and records. Blank lines (empty, or only "\r")
// are skipped wherever they are; a last line without a newline is fine. A
// leading UTF-8 BOM, if the caller left one, is ignored.
// On failure returns Error::malformed_file(file_name, line, detail) for:
//   - no header line (empty text, or only a sep= line and blank lines),
//   - a record with another number of fields than the header
//     ("expected 18 fields, found 7: the line is truncated or has a stray separator"),
//   - a quoted field with no closing quote (at the line where it opens),
//   - a closing quote followed by something other than a separator or line end.
[[nodiscard]] Result<Table> read_delimited(std::string_view utf8, std::string_view file_name,
                                           const DelimitedOptions& options = {});

}  // namespace stemnet::text
