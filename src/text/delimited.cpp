#include "text/delimited.hpp"

#include <algorithm>

namespace stemnet::text {
namespace {

std::string quoted_list(const std::vector<std::string_view>& names) {
  std::string out;
  for (auto name : names) {
    if (!out.empty()) out += ", ";
    out += '\'';
    out += name;
    out += '\'';
  }
  return out;
}

// Walks the text one record at a time, keeping the physical line number.
class Parser {
 public:
  Parser(std::string_view text, std::string_view file, char separator, bool quoting)
      : s_(text), file_(file), sep_(separator), quoting_(quoting) {}

  long line() const { return line_; }
  void set_line(long line) { line_ = line; }
  std::size_t pos() const { return pos_; }
  void set_pos(std::size_t pos) { pos_ = pos; }
  void set_separator(char separator) { sep_ = separator; }

  // Moves past blank lines; false when nothing but blank lines is left.
  bool skip_blank_lines() {
    while (pos_ < s_.size()) {
      if (s_[pos_] == '\n') {
        ++pos_;
        ++line_;
      } else if (s_[pos_] == '\r' && (pos_ + 1 == s_.size() || s_[pos_ + 1] == '\n')) {
        pos_ += pos_ + 1 == s_.size() ? 1 : 2;
        ++line_;
      } else {
        return true;
      }
    }
    return false;
  }

  // Reads the fields of the record at the current position into `fields`
  // and moves past its line end.
  Result<void> read_record(std::vector<std::string>& fields) {
    const long start = line_;
    const std::size_t n = s_.size();
    while (true) {
      std::string& field = fields.emplace_back();
      if (quoting_ && pos_ < n && s_[pos_] == '"') {
        ++pos_;
        while (true) {
          const std::size_t close = s_.find('"', pos_);
          if (close == std::string_view::npos) {
            return Error::malformed_file(std::string(file_), start,
                                         "unterminated quote: field " +
                                             std::to_string(fields.size()) +
                                             " opens with '\"' on this line and is never closed");
          }
          line_ += std::count(s_.begin() + pos_, s_.begin() + close, '\n');
          field.append(s_, pos_, close - pos_);
          pos_ = close + 1;
          if (pos_ < n && s_[pos_] == '"') {
            field += '"';
            ++pos_;
          } else {
            break;
          }
        }
        if (pos_ == n) return ok();
        if (s_[pos_] == sep_) {
          ++pos_;
          continue;
        }
        if (end_line()) return ok();
        return Error::malformed_file(
            std::string(file_), line_,
            "field " + std::to_string(fields.size()) +
                " has text after its closing quote: a field that contains '\"' must be quoted "
                "in full, with each '\"' inside written as '\"\"'");
      }
      std::size_t end = pos_;
      while (end < n && s_[end] != sep_ && s_[end] != '\n') ++end;
      const bool last = end == n || s_[end] == '\n';
      std::size_t stop = end;
      if (last && stop > pos_ && s_[stop - 1] == '\r') --stop;
      field.assign(s_, pos_, stop - pos_);
      pos_ = end;
      if (!last) {
        ++pos_;
        continue;
      }
      end_line();
      return ok();
    }
  }

 private:
  // At a line end or the end of the text: moves past it and returns true.
  bool end_line() {
    if (pos_ == s_.size()) return true;
    if (s_[pos_] == '\n') {
      ++pos_;
    } else if (s_[pos_] == '\r' && pos_ + 1 < s_.size() && s_[pos_ + 1] == '\n') {
      pos_ += 2;
    } else if (s_[pos_] == '\r' && pos_ + 1 == s_.size()) {
      ++pos_;
      return true;
    } else {
      return false;
    }
    ++line_;
    return true;
  }

  std::string_view s_;
  std::string_view file_;
  char sep_;
  bool quoting_;
  std::size_t pos_ = 0;
  long line_ = 1;
};

// The separator named by an Excel `sep=X` first line, or '\0' if there is none.
char sep_line_separator(std::string_view text) {
  if (!text.starts_with("sep=") || text.size() < 5) return '\0';
  const char sep = text[4];
  if (sep == '\n' || sep == '\r') return '\0';
  const std::string_view rest = text.substr(5);
  if (rest.empty() || rest.starts_with("\n") || rest.starts_with("\r\n") || rest == "\r") {
    return sep;
  }
  return '\0';
}

}  // namespace

Result<std::size_t> Table::column(std::string_view name) const {
  const auto it = std::find(header.begin(), header.end(), name);
  if (it == header.end()) {
    return Error::malformed_file(file, header_line, "missing column '" + std::string(name) + "'");
  }
  return static_cast<std::size_t>(it - header.begin());
}

Result<std::vector<std::size_t>> Table::columns(std::span<const std::string_view> names) const {
  std::vector<std::size_t> found;
  std::vector<std::string_view> missing;
  for (auto name : names) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) {
      missing.push_back(name);
    } else {
      found.push_back(static_cast<std::size_t>(it - header.begin()));
    }
  }
  if (missing.empty()) return found;
  return Error::malformed_file(
      file, header_line,
      (missing.size() == 1 ? "missing column " : "missing columns ") + quoted_list(missing));
}

Result<std::vector<std::size_t>> Table::columns(
    std::initializer_list<std::string_view> names) const {
  return columns(std::span<const std::string_view>(names.begin(), names.size()));
}

Error Table::field_error(const Record& record, std::size_t column, std::string_view detail) const {
  const std::string name =
      column < header.size() ? header[column] : "#" + std::to_string(column + 1);
  return Error::malformed_file(file, record.line, "column '" + name + "': " + std::string(detail));
}

Result<Table> read_delimited(std::string_view utf8, std::string_view file_name,
                             const DelimitedOptions& options) {
  if (utf8.starts_with("\xEF\xBB\xBF")) utf8.remove_prefix(3);
  Table table;
  table.file = std::string(file_name);
  table.separator = options.separator;
  Parser parser(utf8, file_name, options.separator, options.quoting);

  if (options.allow_sep_line) {
    if (const char sep = sep_line_separator(utf8); sep != '\0') {
      table.separator = sep;
      parser.set_separator(sep);
      const std::size_t newline = utf8.find('\n');
      parser.set_pos(newline == std::string_view::npos ? utf8.size() : newline + 1);
      parser.set_line(2);
    }
  }

  if (!parser.skip_blank_lines()) {
    return Error::malformed_file(table.file, parser.line(), "no header line");
  }
  table.header_line = parser.line();
  STEMNET_TRY_VOID(parser.read_record(table.header));

  const std::size_t width = table.header.size();
  while (parser.skip_blank_lines()) {
    Record& record = table.records.emplace_back();
    record.line = parser.line();
    record.fields.reserve(width);
    STEMNET_TRY_VOID(parser.read_record(record.fields));
    if (record.fields.size() != width) {
      return Error::malformed_file(table.file, record.line,
                                   "expected " + std::to_string(width) +
                                       (width == 1 ? " field" : " fields") + ", found " +
                                       std::to_string(record.fields.size()) +
                                       ": the line is truncated or has a stray separator");
    }
  }
  return table;
}

}  // namespace stemnet::text
