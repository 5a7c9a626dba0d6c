// monitor/refresh.hpp — fetching the catalogue's SSB tables from the PxWeb
// API and importing them, each with its raw response kept as provenance.
//
// Each indicator whose fetch.kind is "pxweb" is POSTed its fetch.query at
// fetch.url; the answer (JSON-stat 2.0) is written to raw_dir as
// <table>-<sha256 prefix>.json and imported with fetch.map (see
// import_jsonstat.hpp). One indicator failing (no network, a changed table)
// is reported and does not stop the others; nothing is invented: an
// indicator that could not be fetched keeps what it had.
// Example:
//   RefreshOptions opt;  opt.only = "population";
//   auto outcomes = refresh(pool, opt);
#pragma once

#include "core/result.hpp"
#include "db/database.hpp"
#include "monitor/fetch.hpp"
#include "monitor/import.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace stemnet::monitor {

struct RefreshOptions {
  std::optional<std::string> only;  // one indicator id
  std::string base_url;             // replaces "https://data.ssb.no" (tests, mirrors)
  std::filesystem::path raw_dir = "var/raw/ssb";
  FetchOptions fetch;
};

struct RefreshOutcome {
  std::string indicator;
  std::string url;
  bool ok = false;
  std::string message;  // why it failed, when it did
  std::string raw_file;
  FileOutcome imported;
};

// Fails only when nothing can be tried (unknown --only id, unreadable
// catalogue in the database); per-indicator failures are in the outcomes.
Result<std::vector<RefreshOutcome>> refresh(db::Pool& pool, const RefreshOptions& options);

}  // namespace stemnet::monitor
