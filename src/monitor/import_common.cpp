#include "monitor/import_common.hpp"

#include "core/encoding.hpp"
#include "core/file.hpp"
#include "registry/store.hpp"

namespace stemnet::monitor::detail {
namespace fs = std::filesystem;

std::string status_of(const text::Cell& cell) {
  switch (cell.status) {
    case text::CellStatus::value:
      return status::kNone;
    case text::CellStatus::suppressed:
      return cell.marker == "*" ? status::kUdirSuppressed : status::kSuppressed;
    case text::CellStatus::not_applicable:
      return status::kNotApplicable;
    case text::CellStatus::missing:
      break;
  }
  return status::kMissing;
}

Result<bool> AreaCheck::known(const AreaRef& a) {
  if (a.level == "country") return true;
  const std::string key = a.level + ":" + a.code;
  if (auto it = seen_.find(key); it != seen_.end()) return it->second;
  // Areas are kept as published: a code of any list since 2017 is known.
  Result<bool> r = a.level == "school" ? registry::Store::has_school(c_, a.code)
                                       : registry::Store::has_area_code(c_, a.level, a.code);
  if (r) seen_[key] = *r;
  return r;
}

Result<Loaded> load(const fs::path& p) {
  STEMNET_TRY(std::string bytes, read_file(p));
  std::string digest = sha256_hex(bytes);
  return Loaded{p.string(), std::move(bytes), std::move(digest)};
}

Result<Indicator> need_indicator(db::Connection& c, const std::string& id, const std::string& file,
                                 long line) {
  STEMNET_TRY(auto ind, Store::find(c, id));
  if (!ind) {
    return Error::malformed_file(
        file, line,
        "no indicator '" + id +
            "' in the catalogue (load it with `stemnet monitor catalogue`, or "
            "add the indicator to data/indicators/catalogue.json)");
  }
  return std::move(*ind);
}

Result<FileOutcome> write(db::Connection& c, const ImportBatch& batch) {
  STEMNET_TRY(ImportOutcome o, Store::write_import(c, batch));
  return FileOutcome{batch.file_name,   batch.id,
                     batch.rows,        static_cast<std::int64_t>(batch.cells.size()),
                     o.cells_changed,   o.slices_superseded,
                     o.already_imported};
}

}  // namespace stemnet::monitor::detail
