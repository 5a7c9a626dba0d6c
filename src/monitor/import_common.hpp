// monitor/import_common.hpp — what every importer of the monitor shares:
// reading a file with its hash, the registry check of areas, the catalogue
// check of indicators, and writing a batch. Internal to src/monitor.
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "monitor/area.hpp"
#include "monitor/import.hpp"
#include "monitor/store.hpp"
#include "text/number.hpp"

#include <filesystem>
#include <map>
#include <string>

namespace stemnet::monitor::detail {

// The status a parsed cell gets in the cube ("" for a number).
std::string status_of(const text::Cell& cell);

// Remembers which areas the registry has, so each is asked once per import.
class AreaCheck {
 public:
  explicit AreaCheck(db::Connection& c) : c_(c) {}
  Result<bool> known(const AreaRef& a);

 private:
  db::Connection& c_;
  std::map<std::string, bool> seen_;
};

struct Loaded {
  std::string path, bytes, sha256;
};
Result<Loaded> load(const std::filesystem::path& p);

// The catalogue's indicator, or an error at file:line saying how to add it.
Result<Indicator> need_indicator(db::Connection& c, const std::string& id, const std::string& file,
                                 long line);

// Writes the batch through the store and tells what happened.
Result<FileOutcome> write(db::Connection& c, const ImportBatch& batch);

}  // namespace stemnet::monitor::detail
