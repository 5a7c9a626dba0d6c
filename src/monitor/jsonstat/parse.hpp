// monitor/jsonstat/parse.hpp — streaming parse of a JSON-stat response into
// a DOM of its metadata plus compact `value`/`status` columns; internal to
// the reader.
//
// A whole-document DOM costs several times the file size; the cells are
// almost all of a large file, so the `value` and `status` members of a
// dataset (the root object, a 1.x bundle member, or an item of a collection
// whose "class" came first) go straight into columns (column.hpp) and leave
// null in the DOM. Input can come in pieces, so a file need not be in memory.
//
// Example:
//   StreamParser p("big.json", kMaxCells);
//   while (auto piece = next_piece()) STEMNET_TRY_VOID(p.write(*piece));
//   STEMNET_TRY(Parsed parsed, p.finish());
//   const Columns* cols = parsed.columns_of("$");   // the root dataset's cells
#pragma once

#include "core/result.hpp"
#include "monitor/jsonstat/column.hpp"

#include <boost/json/value.hpp>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace stemnet::monitor::jsonstat::detail {

struct Columns {
  std::optional<ValueColumn> value;
  std::optional<StatusColumn> status;
};

struct Parsed {
  boost::json::value dom;
  std::map<std::string, Columns, std::less<>> columns;  // by the JSON path of the dataset

  Columns* columns_of(std::string_view dataset_path) {
    auto it = columns.find(dataset_path);
    return it == columns.end() ? nullptr : &it->second;
  }
};

class StreamParser {
 public:
  StreamParser(std::string_view file, std::uint64_t max_cells);
  ~StreamParser();
  StreamParser(const StreamParser&) = delete;
  StreamParser& operator=(const StreamParser&) = delete;

  // Feeds the next piece of the text. Fails with Error::malformed_file(file,
  // line, "not valid JSON: <reason>") where the text stops being JSON.
  [[nodiscard]] Result<void> write(std::string_view piece);
  // Ends the input; fails like write() when the document is incomplete.
  [[nodiscard]] Result<Parsed> finish();

 private:
  Result<void> feed(std::string_view piece);
  Result<void> feed_whole(std::string_view piece);

  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace stemnet::monitor::jsonstat::detail
