#include "registry/import_files.hpp"

#include "core/clock.hpp"
#include "core/encoding.hpp"
#include "core/file.hpp"

#include <algorithm>

namespace stemnet::registry::import_files {
namespace fs = std::filesystem;

Result<Loaded> load(const fs::path& path, std::string what) {
  STEMNET_TRY(std::string bytes, read_file(path));
  Loaded l{path.string(), std::move(bytes), {}};
  l.report.file = l.path;
  l.report.sha256 = sha256_hex(l.bytes);
  l.report.what = std::move(what);
  return l;
}

// The one file in `dir` whose name starts with `prefix` and ends with
// `suffix`. Fails when none or several match, naming them.
Result<fs::path> find_one(const fs::path& dir, const std::string& prefix,
                          const std::string& suffix) {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.size() >= prefix.size() + suffix.size() && name.starts_with(prefix) &&
        name.ends_with(suffix)) {
      found.push_back(entry.path());
    }
  }
  if (ec) return Error::malformed_file(dir.string(), 0, "cannot read folder: " + ec.message());
  if (found.empty()) {
    return Error::malformed_file(dir.string(), 0,
                                 "no file " + prefix + "*" + suffix + " in this folder");
  }
  if (found.size() > 1) {
    std::sort(found.begin(), found.end());
    return Error::malformed_file(dir.string(), 0,
                                 "several files match " + prefix + "*" + suffix + ": " +
                                     found[0].filename().string() + ", " +
                                     found[1].filename().string());
  }
  return found[0];
}

// Records the file unless the same bytes were recorded before.
Result<void> record(db::Connection& c, FileReport& f, const std::string& source,
                    const std::string& licence) {
  STEMNET_TRY(
      std::int64_t n,
      c.execute("INSERT INTO import_record (kind, file_name, sha256, row_count, source, licence,"
                " imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7)"
                " ON CONFLICT (kind, sha256) DO NOTHING",
                {f.what, fs::path(f.file).filename().string(), f.sha256, f.rows, source, licence,
                 utc_now_iso()}));
  f.already_recorded = n == 0;
  return ok();
}

}  // namespace stemnet::registry::import_files
