// registry/import_files.hpp — what the registry's importers share (internal
// to registry/): a file read with its hash, the one file of a folder by
// name, the record of an imported file, writing a list through the store.
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "registry/import.hpp"
#include "registry/store.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace stemnet::registry::import_files {

struct Loaded {
  std::string path;
  std::string bytes;
  FileReport report;
};

// The file's bytes, with its report's name, hash and `what`.
Result<Loaded> load(const std::filesystem::path& path, std::string what);

// The one file in `dir` whose name starts with `prefix` and ends with
// `suffix`. Fails when none or several match, naming them.
Result<std::filesystem::path> find_one(const std::filesystem::path& dir, const std::string& prefix,
                                       const std::string& suffix);

// Records the file unless the same bytes were recorded before.
Result<void> record(db::Connection& c, FileReport& f, const std::string& source,
                    const std::string& licence);

template <class T>
Result<std::int64_t> put_all(db::Connection& c, const std::vector<T>& items) {
  std::int64_t changed = 0;
  for (const auto& item : items) {
    STEMNET_TRY(std::int64_t n, Store::put(c, item));
    changed += n;
  }
  return changed;
}

}  // namespace stemnet::registry::import_files
