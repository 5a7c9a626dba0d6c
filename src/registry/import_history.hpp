// registry/import_history.hpp — the area history's files (areas-history/:
// SSB's change table and code lists since 2017, our county names, FHI's
// county weights) read and checked whole, then written in the caller's
// transaction of `import reference` (internal to registry/).
#pragma once

#include "registry/history.hpp"
#include "registry/import_files.hpp"

namespace stemnet::registry {

struct HistoryLoaded {
  import_files::Loaded changes, counties, weights;
  std::vector<import_files::Loaded> lists;
  AreaHistory history;
};

// Checked whole, and against today's municipalities.
Result<HistoryLoaded> load_history(const std::filesystem::path& dir,
                                   const std::vector<Municipality>& municipalities);
Result<void> write_history(db::Connection& c, HistoryLoaded& h);

}  // namespace stemnet::registry
