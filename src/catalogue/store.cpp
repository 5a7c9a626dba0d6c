#include "catalogue/store.hpp"

#include "core/strings.hpp"

#include <boost/json.hpp>

namespace stemnet::catalogue::store {
namespace {

constexpr const char* kSelect =
    "SELECT o.id, o.organisation_id, g.name, o.title, o.description, o.format, o.subjects,"
    " o.languages, o.grade_min, o.grade_max, o.capacity, o.digital, o.municipality_number,"
    " o.address, o.travel_radius_km, o.duration_minutes, o.cost_nok, o.preparation,"
    " o.on_request, o.kit_before, o.kit_during, o.kit_after, o.status, o.created_at,"
    " o.updated_at, g.status, o.materials, o.preparation_minutes, o.curriculum"
    " FROM offer o JOIN organisation g ON g.id = o.organisation_id";

// The columns an offer's author writes, in the order of fields() below.
constexpr const char* kFields[] = {"title",
                                   "description",
                                   "format",
                                   "subjects",
                                   "grade_min",
                                   "grade_max",
                                   "languages",
                                   "capacity",
                                   "digital",
                                   "municipality_number",
                                   "address",
                                   "travel_radius_km",
                                   "duration_minutes",
                                   "cost_nok",
                                   "preparation",
                                   "on_request",
                                   "kit_before",
                                   "kit_during",
                                   "kit_after",
                                   "materials",
                                   "preparation_minutes",
                                   "curriculum"};
constexpr std::size_t kFieldCount = std::size(kFields);

std::string materials_text(const std::vector<std::string>& items) {
  boost::json::array a(items.begin(), items.end());
  return boost::json::serialize(a);
}

std::vector<std::string> materials_from(const std::string& text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
  }
  return out;
}

// The values of kFields for `o`, in order.
db::Params fields(const Offer& o) {
  db::Params p{o.title,
               o.description,
               o.format,
               join_list(o.subjects),
               o.grade_min,
               o.grade_max,
               join_list(o.languages),
               o.capacity,
               o.digital,
               o.municipality_number,
               o.address,
               o.travel_radius_km,
               o.duration_minutes,
               o.cost_nok,
               o.preparation,
               o.on_request,
               o.kit.before,
               o.kit.during,
               o.kit.after,
               materials_text(o.materials),
               o.preparation_minutes,
               join_list(o.curriculum)};
  return p;
}

std::string placeholder(std::size_t n) { return "$" + std::to_string(n); }

}  // namespace

OfferRow row_of(const db::Row& r) {
  Offer o;
  o.id = r.text(0);
  o.organisation_id = r.text(1);
  o.organisation_name = r.text(2);
  o.title = r.text(3);
  o.description = r.text(4);
  o.format = r.text(5);
  o.subjects = split_list(r.text(6));
  o.languages = split_list(r.text(7));
  o.grade_min = static_cast<int>(r.integer(8));
  o.grade_max = static_cast<int>(r.integer(9));
  o.capacity = static_cast<int>(r.integer(10));
  o.digital = r.integer(11) != 0;
  o.municipality_number = r.opt_text(12);
  o.address = r.text(13);
  o.travel_radius_km = static_cast<int>(r.integer(14));
  o.duration_minutes = static_cast<int>(r.integer(15));
  o.cost_nok = static_cast<int>(r.integer(16));
  o.preparation = r.text(17);
  o.on_request = r.integer(18) != 0;
  o.kit = {r.text(19), r.text(20), r.text(21)};
  o.status = r.text(22);
  o.created_at = r.text(23);
  o.updated_at = r.text(24);
  o.materials = materials_from(r.text(26));
  o.preparation_minutes = static_cast<int>(r.integer(27));
  o.curriculum = split_list(r.text(28));
  return {std::move(o), r.text(25)};
}

Result<std::vector<OfferRow>> offers(db::Connection& c, std::string_view where,
                                     const db::Params& params, std::string_view order) {
  std::string sql = kSelect;
  if (!where.empty()) sql += " WHERE " + std::string(where);
  if (!order.empty()) sql += " ORDER BY " + std::string(order);
  STEMNET_TRY(auto rows, c.query(sql, params));
  std::vector<OfferRow> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(row_of(r));
  return out;
}

Result<std::optional<OfferRow>> find(db::Connection& c, const std::string& id) {
  STEMNET_TRY(auto rows, offers(c, "o.id = $1", {id}));
  if (rows.empty()) return std::optional<OfferRow>();
  return std::optional<OfferRow>(std::move(rows[0]));
}

Result<void> insert(db::Connection& c, const Offer& o) {
  // The author's fields, then what the service sets.
  static const std::string sql = [] {
    std::string columns, values;
    for (std::size_t i = 0; i < kFieldCount; ++i) {
      columns += std::string(kFields[i]) + ", ";
      values += placeholder(i + 1) + ", ";
    }
    for (std::size_t i = kFieldCount; i < kFieldCount + 5; ++i)
      values += placeholder(i + 1) + (i + 1 < kFieldCount + 5 ? ", " : "");
    return "INSERT INTO offer (" + columns +
           "id, organisation_id, status, created_at, updated_at)" + " VALUES (" + values + ")";
  }();
  db::Params p = fields(o);
  for (const auto* v : {&o.id, &o.organisation_id, &o.status, &o.created_at, &o.updated_at})
    p.emplace_back(*v);
  STEMNET_TRY_VOID(c.execute(sql, p));
  return ok();
}

Result<void> update(db::Connection& c, const Offer& o) {
  static const std::string sql = [] {
    std::string set;
    for (std::size_t i = 0; i < kFieldCount; ++i)
      set += std::string(kFields[i]) + " = " + placeholder(i + 1) + ", ";
    return "UPDATE offer SET " + set + "updated_at = " + placeholder(kFieldCount + 1) +
           " WHERE id = " + placeholder(kFieldCount + 2);
  }();
  db::Params p = fields(o);
  p.emplace_back(o.updated_at);
  p.emplace_back(o.id);
  STEMNET_TRY_VOID(c.execute(sql, p));
  return ok();
}

Result<void> set_status(db::Connection& c, const std::string& id, const std::string& status,
                        const std::string& updated_at) {
  STEMNET_TRY_VOID(c.execute("UPDATE offer SET status = $1, updated_at = $2 WHERE id = $3",
                             {status, updated_at, id}));
  return ok();
}

Result<void> touch(db::Connection& c, const std::string& id, const std::string& updated_at) {
  STEMNET_TRY_VOID(c.execute("UPDATE offer SET updated_at = $1 WHERE id = $2", {updated_at, id}));
  return ok();
}

}  // namespace stemnet::catalogue::store
