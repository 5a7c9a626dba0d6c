#include "monitor/import_jsonstat.hpp"

#include "core/encoding.hpp"
#include "monitor/import_common.hpp"
#include "monitor/jsonstat/read.hpp"
#include "monitor/progress.hpp"

#include <algorithm>
#include <cctype>
#include <set>

namespace stemnet::monitor {
namespace {

enum class Role { area, period, breakdown, pick, sum, share };

struct Mapped {
  Role role = Role::pick;
  std::size_t dim = 0;  // position in the dataset's dimensions
  std::string name;     // breakdown name
  AreaHint hint = AreaHint::any;
  std::vector<std::size_t> positions;  // pick: one; sum: the parts; share: the numerator's parts
  std::optional<std::size_t> total;    // share: the category holding the whole, if named
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

Result<std::vector<std::size_t>> positions_of(const jsonstat::Dimension& d, const std::string& list,
                                              const std::string& file) {
  std::vector<std::size_t> out;
  for (const auto& id : split(list, ',')) {
    auto pos = d.position_of(id);
    if (!pos)
      return Error::malformed_file(file, 0, "dimension " + d.id + " has no category '" + id + "'");
    out.push_back(*pos);
  }
  return out;
}

Result<std::vector<Mapped>> resolve(const jsonstat::Dataset& ds, const DimensionMap& map,
                                    const Indicator& ind, const std::string& file) {
  std::vector<Mapped> out;
  for (const auto& [id, role] : map) {
    if (!ds.dimension(id)) return Error::invalid("map", "the table has no dimension '" + id + "'");
  }
  for (std::size_t i = 0; i < ds.dimensions.size(); ++i) {
    const auto& d = ds.dimensions[i];
    Mapped m;
    m.dim = i;
    auto it = map.find(d.id);
    const std::string role = it == map.end() ? "" : it->second;
    const std::string head = role.substr(0, role.find(':'));
    const std::string arg =
        role.find(':') == std::string::npos ? "" : role.substr(role.find(':') + 1);
    if (role.empty()) {
      if (d.size() != 1) {
        return Error::invalid(
            "map", "dimension " + d.id + " has " + std::to_string(d.size()) +
                       " categories: map it (area, period, breakdown, pick:CAT, sum, share:A,B)");
      }
      m.role = Role::pick;
      m.positions = {0};
    } else if (head == "area") {
      m.role = Role::area;
      if (arg == "county") m.hint = AreaHint::county;
    } else if (head == "period") {
      m.role = Role::period;
    } else if (head == "breakdown") {
      m.role = Role::breakdown;
      m.name = arg;
      if (m.name.empty()) {
        m.name = d.id;
        std::transform(m.name.begin(), m.name.end(), m.name.begin(),
                       [](unsigned char c) { return std::tolower(c); });
      }
      if (std::find(ind.breakdowns.begin(), ind.breakdowns.end(), m.name) == ind.breakdowns.end()) {
        return Error::invalid("map", "indicator " + ind.id + " has no breakdown '" + m.name + "'");
      }
    } else if (head == "pick" || head == "metric") {
      m.role = Role::pick;
      if (arg.empty() && d.size() != 1)
        return Error::invalid("map", d.id + "=pick needs a category: pick:CAT");
      if (arg.empty()) {
        m.positions = {0};
      } else {
        STEMNET_TRY(m.positions, positions_of(d, arg, file));
        if (m.positions.size() != 1)
          return Error::invalid("map", d.id + "=pick takes one category");
      }
    } else if (head == "sum") {
      m.role = Role::sum;
      if (arg.empty()) {
        for (std::size_t p = 0; p < d.size(); ++p) m.positions.push_back(p);
      } else {
        STEMNET_TRY(m.positions, positions_of(d, arg, file));
      }
    } else if (head == "share") {
      m.role = Role::share;
      if (arg.empty())
        return Error::invalid("map",
                              d.id + "=share needs the categories to count: share:A,B[/TOTAL]");
      const auto slash = arg.find('/');
      STEMNET_TRY(m.positions, positions_of(d, arg.substr(0, slash), file));
      if (slash != std::string::npos) {
        STEMNET_TRY(auto total, positions_of(d, arg.substr(slash + 1), file));
        if (total.size() != 1)
          return Error::invalid("map", d.id + "=share takes one total category after /");
        m.total = total[0];
      }
    } else {
      return Error::invalid("map",
                            "'" + role +
                                "' is not a role: area, period, breakdown[:NAME], pick:CAT, sum, "
                                "share:A,B");
    }
    out.push_back(std::move(m));
  }
  auto count = [&](Role r) {
    return std::count_if(out.begin(), out.end(), [r](const Mapped& m) { return m.role == r; });
  };
  // A national table has no area dimension: its figures are the country's.
  const bool national = count(Role::area) == 0 && std::find(ind.levels.begin(), ind.levels.end(),
                                                            "country") != ind.levels.end();
  if (count(Role::area) > 1 || (count(Role::area) == 0 && !national)) {
    return Error::invalid("map", "map exactly one dimension to area");
  }
  if (count(Role::period) != 1) return Error::invalid("map", "map exactly one dimension to period");
  if (count(Role::share) > 1) return Error::invalid("map", "at most one dimension can be a share");
  return out;
}

// Adds up cells; a part that is not a number makes the whole a status:
// suppressed wins over missing, so that nothing withheld is ever revealed.
struct Sum {
  double value = 0;
  std::string status;

  // A number is a number unless its status says it cannot be one ("..", ":",
  // ".", "*"); publishers' flags on a number (e for estimated, p for
  // provisional, ...) keep the number.
  static bool no_number(std::string_view s) {
    return s == status::kMissing || s == status::kSuppressed || s == status::kNotApplicable ||
           s == status::kUdirSuppressed;
  }
  static bool suppressed(std::string_view s) {
    return s == status::kSuppressed || s == status::kUdirSuppressed;
  }

  // Combines two statuses: suppressed wins, so that nothing withheld is
  // ever revealed; then missing; then not applicable.
  static std::string worst(const std::string& a, const std::string& b) {
    if (suppressed(a)) return a;
    if (suppressed(b)) return b;
    if (a == status::kMissing || b == status::kMissing) return status::kMissing;
    return a.empty() ? b : a;
  }

  void add(const jsonstat::Cell& c) {
    if (c.value && !no_number(c.status)) {
      value += *c.value;
      return;
    }
    status =
        worst(status, no_number(c.status) ? std::string(c.status) : std::string(status::kMissing));
  }
};

}  // namespace

Result<DimensionMap> parse_dimension_map(const std::vector<std::string>& pairs) {
  DimensionMap map;
  for (const auto& p : pairs) {
    const auto eq = p.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == p.size()) {
      return Error::invalid(
          "map", "write each mapping as DIMENSION=ROLE, e.g. Region=area; got '" + p + "'");
    }
    if (!map.emplace(p.substr(0, eq), p.substr(eq + 1)).second) {
      return Error::invalid("map", "dimension " + p.substr(0, eq) + " is mapped twice");
    }
  }
  return map;
}

Result<FileOutcome> import_jsonstat_bytes(db::Pool& pool, std::string_view bytes,
                                          const JsonStatSource& source,
                                          const std::string& indicator_id,
                                          const DimensionMap& map) {
  STEMNET_TRY(jsonstat::Dataset ds, jsonstat::read_dataset(bytes, source.name));
  const std::string sha = sha256_hex(bytes);
  std::string map_text;
  for (const auto& [k, v] : map) map_text += k + "=" + v + ";";
  STEMNET_TRY(auto conn, pool.acquire());
  FileOutcome out;
  auto done = db::transaction(*conn, [&](db::Connection& c) -> Result<void> {
    STEMNET_TRY(Indicator ind, detail::need_indicator(c, indicator_id, source.name, 0));
    STEMNET_TRY(auto dims, resolve(ds, map, ind, source.name));
    ImportBatch b;
    b.id = source.kind + ":" + sha + ":" + indicator_id + ":" + sha256_hex(map_text).substr(0, 12);
    b.kind = source.kind;
    b.file_name = source.name;
    b.sha256 = sha;
    b.source = ind.attribution;
    b.licence = ind.licence;
    b.rows = static_cast<std::int64_t>(ds.cell_count());

    std::vector<std::size_t> kept, summed;  // dimensions that stay, and those added up
    const Mapped* share = nullptr;
    std::vector<std::size_t> fixed(ds.dimensions.size(), 0);
    for (const auto& m : dims) {
      if (m.role == Role::area || m.role == Role::period || m.role == Role::breakdown)
        kept.push_back(m.dim);
      if (m.role == Role::pick) fixed[m.dim] = m.positions[0];
      if (m.role == Role::sum) summed.push_back(m.dim);
      if (m.role == Role::share) share = &m;
    }
    // Periods: every category of the period dimension must name a real period.
    for (const auto& m : dims) {
      if (m.role != Role::period) continue;
      for (const auto& cat : ds.dimensions[m.dim].categories) {
        if (!valid_period(cat.id)) {
          return Error::malformed_file(source.name, 0,
                                       "the period '" + cat.id + "' of dimension '" +
                                           ds.dimensions[m.dim].id +
                                           "' is not a year, school year, month, quarter or day");
        }
      }
    }
    // Areas: normalised once per category; the ones that name no current
    // area, or a level the indicator lacks, are counted and reported. A
    // national table (no area dimension) is the country's.
    auto area_it = std::find_if(dims.begin(), dims.end(),
                                [](const Mapped& m) { return m.role == Role::area; });
    const Mapped* area_map = area_it == dims.end() ? nullptr : &*area_it;
    std::vector<std::optional<AreaRef>> areas(area_map ? ds.dimensions[area_map->dim].size() : 1);
    if (!area_map) areas[0] = AreaRef{"country", kCountryCode};
    detail::AreaCheck check(c);
    for (std::size_t p = 0; area_map && p < areas.size(); ++p) {
      auto a = normalize_area(ds.dimensions[area_map->dim].categories[p].id, area_map->hint);
      if (a) {
        STEMNET_TRY(bool known, check.known(*a));
        if (known && std::find(ind.levels.begin(), ind.levels.end(), a->level) != ind.levels.end())
          areas[p] = *a;
      }
    }

    std::vector<std::size_t> pos(ds.dimensions.size(), 0);
    // Visits every combination of the kept dimensions.
    std::function<Result<void>(std::size_t)> visit_kept = [&](std::size_t k) -> Result<void> {
      if (k < kept.size()) {
        for (std::size_t p = 0; p < ds.dimensions[kept[k]].size(); ++p) {
          pos[kept[k]] = p;
          STEMNET_TRY_VOID(visit_kept(k + 1));
        }
        return ok();
      }
      for (std::size_t i = 0; i < pos.size(); ++i) {
        if (std::find(kept.begin(), kept.end(), i) == kept.end()) pos[i] = fixed[i];
      }
      // Adds up the summed dimensions (and the share's dimension) for this combination.
      Sum part, whole;
      std::function<void(std::size_t)> visit_sum = [&](std::size_t s) {
        if (s < summed.size()) {
          for (std::size_t p : dims[summed[s]].positions) {
            pos[summed[s]] = p;
            visit_sum(s + 1);
          }
          return;
        }
        if (!share) {
          part.add(*ds.cell(std::span<const std::size_t>(pos)));
          return;
        }
        const auto& sd = ds.dimensions[share->dim];
        for (std::size_t p = 0; p < sd.size(); ++p) {
          pos[share->dim] = p;
          const auto cell = *ds.cell(std::span<const std::size_t>(pos));
          if (!share->total || *share->total == p) whole.add(cell);
          if (std::find(share->positions.begin(), share->positions.end(), p) !=
              share->positions.end())
            part.add(cell);
        }
      };
      visit_sum(0);
      const std::size_t ap = area_map ? pos[area_map->dim] : 0;
      if (!areas[ap]) {
        ++out.skipped_areas[ds.dimensions[area_map->dim].categories[ap].id];
        return ok();
      }
      Cell cell;
      cell.indicator_id = ind.id;
      cell.area_level = areas[ap]->level;
      cell.area_code = areas[ap]->code;
      std::map<std::string, std::string> breakdown;
      for (const auto& m : dims) {
        const auto& category = ds.dimensions[m.dim].categories[pos[m.dim]].id;
        if (m.role == Role::period) cell.period = category;
        if (m.role == Role::breakdown) breakdown[m.name] = category;
      }
      cell.breakdown = breakdown_key(breakdown);
      std::string status = part.status;
      double value = part.value;
      if (share) {
        status = Sum::worst(part.status, whole.status);
        if (status.empty() && whole.value == 0) status = status::kNotApplicable;
        if (status.empty()) value = 100.0 * part.value / whole.value;
      }
      cell.status = status;
      if (status.empty()) cell.value = value;
      b.cells.push_back(std::move(cell));
      return ok();
    };
    STEMNET_TRY_VOID(visit_kept(0));
    if (b.cells.empty()) {
      std::string codes;
      for (const auto& [code, n] : out.skipped_areas) codes += (codes.empty() ? "" : ", ") + code;
      return Error::malformed_file(
          source.name, 0,
          "nothing to import for " + ind.id +
              ": no area of the table is an area since 2017 at a level the "
              "indicator has (" +
              codes + ")");
    }
    const auto skipped = std::move(out.skipped_areas);
    STEMNET_TRY(out, detail::write(c, b));
    out.skipped_areas = skipped;
    return ok();
  });
  if (!done) return std::move(done).error();
  return out;
}

Result<FileOutcome> import_jsonstat(db::Pool& pool, const std::filesystem::path& file,
                                    const std::string& indicator_id, const DimensionMap& map) {
  STEMNET_TRY(detail::Loaded f, detail::load(file));
  return import_jsonstat_bytes(pool, f.bytes, {"jsonstat", file.filename().string()}, indicator_id,
                               map);
}

}  // namespace stemnet::monitor
