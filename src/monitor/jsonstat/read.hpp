// monitor/jsonstat/read.hpp — reading JSON-stat responses.
//
// Reads JSON-stat 2.0 `dataset`, `collection` (datasets embedded in
// link.item) and `dimension` responses, and 1.x bundles (a root object whose
// members are datasets). Dense or sparse `value` and `status`, `index` as an
// array or object (or absent for a single category), labels, units, child
// hierarchies, coordinates, roles (also 1.x `dimension.id/size/role`), notes
// at every level, extension, link, href, updated, source and error.
//
// Hostile input fails, never crashes or allocates in proportion to what the
// input merely declares: sizes are checked with overflow-safe arithmetic
// against a cell limit before anything is allocated, nesting is limited to
// 32 levels. Failures are Error::malformed_file(file, line, "<JSON path>:
// <what>"), with the line for JSON syntax errors and 0 otherwise. For a full
// report of everything wrong in a response, use validate.hpp.
//
// Example:
//   STEMNET_TRY(Document doc, read_file("tests/fixtures/jsonstat/samples/oecd-canada.json"));
//   for (const Dataset& ds : doc.datasets) print(ds.name, ds.cell_count());
//   STEMNET_TRY(Dataset one, read_dataset(bytes, "upload.json"));   // the first dataset
#pragma once

#include "core/result.hpp"
#include "monitor/jsonstat/model.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace stemnet::monitor::jsonstat {
namespace detail {
class StreamParser;
}

struct ReadOptions {
  // A dataset declaring more cells (the product of its sizes) is refused.
  std::uint64_t max_cells = kMaxCells;
};

// The response in `bytes` (UTF-8, an optional BOM skipped).
[[nodiscard]] Result<Document> read(std::string_view bytes, std::string_view file_name,
                                    const ReadOptions& options = {});
// The response in a file, parsed as it is read (the file is never whole in
// memory). Fails with "cannot read: <reason>" when it cannot be opened.
[[nodiscard]] Result<Document> read_file(const std::filesystem::path& path,
                                         const ReadOptions& options = {});
// The first dataset of the response in `bytes`; fails when it holds none
// (a collection of references, a dimension, an error response).
[[nodiscard]] Result<Dataset> read_dataset(std::string_view bytes, std::string_view file_name,
                                           const ReadOptions& options = {});

// Reads a response that arrives in pieces (a request body, a decompressor);
// read() and read_file() are this with one piece and with 256 KiB pieces.
//   StreamReader reader("upload.json");
//   while (auto piece = next_piece()) STEMNET_TRY_VOID(reader.write(*piece));
//   STEMNET_TRY(Document doc, reader.finish());
class StreamReader {
 public:
  explicit StreamReader(std::string_view file_name, const ReadOptions& options = {});
  ~StreamReader();
  StreamReader(const StreamReader&) = delete;
  StreamReader& operator=(const StreamReader&) = delete;

  // Fails at a JSON syntax error (with its line); the reader is then done.
  [[nodiscard]] Result<void> write(std::string_view piece);
  // The response, once all pieces are written; call once.
  [[nodiscard]] Result<Document> finish();

 private:
  std::string file_;
  ReadOptions options_;
  std::unique_ptr<detail::StreamParser> parser_;
};

}  // namespace stemnet::monitor::jsonstat
