#include "registry/import_history.hpp"

#include <algorithm>
#include <set>

namespace stemnet::registry {
namespace fs = std::filesystem;
using namespace import_files;

// areas-history/: SSB's change table and code lists, our county names,
// FHI's weights; checked whole, and against today's municipalities.
Result<HistoryLoaded> load_history(const fs::path& dir,
                                   const std::vector<Municipality>& municipalities) {
  STEMNET_TRY(auto changes_path, find_one(dir, "ssb-klass-131-changes-", ".json"));
  STEMNET_TRY(auto counties_path, find_one(dir, "counties-", ".csv"));
  STEMNET_TRY(auto weights_path, find_one(dir, "fhi-csdata-county-redistricting-", ".csv"));
  HistoryLoaded h;
  STEMNET_TRY(h.changes, load(changes_path, "area changes"));
  STEMNET_TRY(h.counties, load(counties_path, "county history"));
  STEMNET_TRY(h.weights, load(weights_path, "county weights"));
  HistoryFiles files{{h.changes.path, h.changes.bytes},
                     {},
                     {h.counties.path, h.counties.bytes},
                     {h.weights.path, h.weights.bytes}};
  std::vector<fs::path> list_paths;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (name.starts_with("ssb-klass-131-version-") && name.ends_with(".csv")) {
      list_paths.push_back(entry.path());
    }
  }
  std::sort(list_paths.begin(), list_paths.end());
  for (const auto& p : list_paths) {
    const std::string stem = p.stem().string();
    const std::string year = stem.substr(stem.size() - 4);
    if (year.find_first_not_of("0123456789") != std::string::npos) {
      return Error::malformed_file(p.string(), 0, "expected ssb-klass-131-version-YYYY.csv");
    }
    STEMNET_TRY(Loaded l, load(p, "area lists"));
    files.lists.push_back({std::stoi(year), {l.path, l.bytes}});
    h.lists.push_back(std::move(l));
  }
  STEMNET_TRY(h.history, build_history(files));
  // The latest list is today's: the registry's municipalities, no more, no fewer.
  std::set<std::string> listed, registry;
  for (const auto& v : h.history.versions) {
    if (v.level == "municipality" && !v.valid_to) listed.insert(v.code);
  }
  for (const auto& m : municipalities) registry.insert(m.number);
  for (const auto& code : registry) {
    if (!listed.contains(code)) {
      return Error::malformed_file(h.lists.back().path, 0,
                                   "municipality " + code + " of the registry is not in this list");
    }
  }
  for (const auto& code : listed) {
    if (!registry.contains(code)) {
      return Error::malformed_file(
          h.lists.back().path, 0,
          code + " is in this list but not among the registry's municipalities");
    }
  }
  return h;
}

Result<void> write_history(db::Connection& c, HistoryLoaded& h) {
  const auto& hist = h.history;
  h.changes.report.rows = h.counties.report.rows = h.weights.report.rows = 0;
  for (const auto& v : hist.versions) {
    STEMNET_TRY(std::int64_t n, Store::put(c, v));
    (v.level == "county" ? h.counties : h.lists.front()).report.changed += n;
    if (v.level == "county") ++h.counties.report.rows;
  }
  for (auto& l : h.lists) {
    l.report.rows = static_cast<std::int64_t>(std::count(l.bytes.begin(), l.bytes.end(), '\n')) - 1;
  }
  for (const auto& ch : hist.changes) {
    STEMNET_TRY(std::int64_t n, Store::put(c, ch));
    h.changes.report.changed += n;
    if (ch.level == "municipality") ++h.changes.report.rows;
  }
  for (const auto& w : hist.weights) {
    STEMNET_TRY(std::int64_t n, Store::put(c, w));
    h.weights.report.changed += n;
  }
  h.weights.report.rows = static_cast<std::int64_t>(hist.weights.size());
  STEMNET_TRY_VOID(record(c, h.changes.report, "SSB KLASS 131", "CC BY 4.0"));
  for (auto& l : h.lists) STEMNET_TRY_VOID(record(c, l.report, "SSB KLASS 131", "CC BY 4.0"));
  STEMNET_TRY_VOID(record(c, h.counties.report, "stemnet, from SSB KLASS 104", "CC BY 4.0"));
  return record(c, h.weights.report, "Folkehelseinstituttet csdata", "MIT");
}

}  // namespace stemnet::registry
