// catalogue/search_store.cpp — a search as SQL: the filters in WHERE, the
// order in ORDER BY, and the page after a keyset cursor, in either database.
//
// Nearness is measured on a flat map around the place (the longitude's
// degrees shrunk by the cosine of its latitude): in Norway's scale, within
// a fraction of a per cent of the great-circle distance the cards show
// (geo::distance_m), and it needs no trigonometry in SQL.
#include "catalogue/store.hpp"
#include "db/sql.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace stemnet::catalogue::store {
namespace {

constexpr double kKmPerDegree = 111.195;  // a degree of latitude (mean Earth radius)

// What a search reads of each offer: the keys it orders by and the place
// for its distance; the offers themselves are read for the page alone.
constexpr const char* kColumns =
    "o.id AS sort_id, o.title AS sort_title, m.label_lon AS place_lon, m.label_lat AS place_lat";

std::string exact(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

}  // namespace

Result<SearchPage> search(db::Connection& c, const OfferSearch& s) {
  const bool pg = c.dialect() == "postgresql";
  db::Where w;
  std::string from =
      " FROM offer o JOIN organisation g ON g.id = o.organisation_id"
      " LEFT JOIN municipality m ON m.number = o.municipality_number";
  std::string score = "0.0";
  db::Params params;
  if (s.words) {
    // The hits with their score, higher better.
    const std::string words = w.bind(*s.words);
    from += pg ? " JOIN (SELECT offer_id, ts_rank(words, q)::float8 AS score FROM offer_search,"
                 " to_tsquery('simple', " +
                     words + ") q WHERE words @@ q) hit ON hit.offer_id = o.id"
               : " JOIN (SELECT offer_id, -bm25(offer_search) AS score FROM offer_search"
                 " WHERE offer_search MATCH " +
                     words + ") hit ON hit.offer_id = o.id";
    score = "hit.score";
  }
  if (s.include_unpublished) {
    w.add("o.organisation_id = ?", {*s.organisation});
  } else {
    w.add("o.status = 'published' AND g.status = 'approved'", {});
    if (s.organisation) w.add("o.organisation_id = ?", {*s.organisation});
  }
  if (s.format) w.add("o.format = ?", {*s.format});
  if (s.county) w.add("m.county_number = ?", {*s.county});
  if (s.subject) w.add("(',' || o.subjects || ',') LIKE ?", {"%," + *s.subject + ",%"});
  if (s.grade) w.add("o.grade_min <= ? AND o.grade_max >= ?", {*s.grade, *s.grade});
  if (s.digital) w.add("o.digital = ?", {*s.digital ? 1 : 0});
  if (s.slots_from || s.slots_to) {
    w.add(
        "(o.on_request = 1 OR EXISTS (SELECT 1 FROM offer_slot sl WHERE sl.offer_id = o.id"
        " AND sl.starts_at >= ? AND sl.starts_at <= ? AND sl.booked < sl.capacity))",
        {s.slots_from.value_or("0000-00-00"), s.slots_to ? *s.slots_to + "T99" : "9999"});
  }
  // The squared distance in km², NULL without a place.
  std::string distance = "NULL";
  if (s.near) {
    const double cos_lat = std::cos(s.near->lat * M_PI / 180.0);
    const std::string dy =
        "((m.label_lat - (" + exact(s.near->lat) + ")) * " + exact(kKmPerDegree) + ")";
    const std::string dx =
        "((m.label_lon - (" + exact(s.near->lon) + ")) * " + exact(cos_lat * kKmPerDegree) + ")";
    distance = "(" + dy + " * " + dy + " + " + dx + " * " + dx + ")";
    w.add("(o.digital = 1 OR o.municipality_number = ? OR " + distance +
              " <= o.travel_radius_km * o.travel_radius_km)",
          {s.near->municipality});
  }
  std::string key = "0.0";
  std::string direction = "ASC";
  if (s.order == OfferSearch::Order::score) {
    key = score;
    direction = "DESC";
  } else if (s.order == OfferSearch::Order::distance) {
    key = "COALESCE(" + distance + ", 1e18)";
  }
  std::string inner =
      "SELECT " + std::string(kColumns) + ", " + key + " AS sort_key" + from + w.sql();
  params = w.params();

  // The total: the same filters, nothing scored or measured.
  STEMNET_TRY(auto counted, c.query("SELECT COUNT(*)" + from + w.sql(), params));
  SearchPage page;
  page.total = counted.at(0).integer(0);

  std::string after;
  if (s.after.size() == 3) {
    const std::string k = "$" + std::to_string(params.size() + 1);
    const std::string t = "$" + std::to_string(params.size() + 2);
    const std::string i = "$" + std::to_string(params.size() + 3);
    const std::string cmp = direction == "DESC" ? " < " : " > ";
    after = " WHERE (x.sort_key" + cmp + k + " OR (x.sort_key = " + k + " AND (x.sort_title > " +
            t + " OR (x.sort_title = " + t + " AND x.sort_id > " + i + "))))";
    params.emplace_back(std::strtod(s.after[0].c_str(), nullptr));
    params.emplace_back(s.after[1]);
    params.emplace_back(s.after[2]);
  }
  const std::string sql = "SELECT * FROM (" + inner + ") x" + after + " ORDER BY x.sort_key " +
                          direction + ", x.sort_title, x.sort_id LIMIT " +
                          std::to_string(s.limit + 1);
  STEMNET_TRY(auto keys, c.query(sql, params));
  const bool more = keys.size() > static_cast<std::size_t>(s.limit);
  if (more) keys.pop_back();
  if (keys.empty()) return page;
  // The page's offers, whole, in one query; then in the order found.
  std::string marks;
  db::Params ids;
  for (const auto& k : keys) {
    ids.emplace_back(k.at("sort_id").text());
    marks += (marks.empty() ? "$" : ", $") + std::to_string(ids.size());
  }
  STEMNET_TRY(auto rows, offers(c, "o.id IN (" + marks + ")", ids));
  for (const auto& k : keys) {
    auto it = std::find_if(rows.begin(), rows.end(),
                           [&](const OfferRow& r) { return r.offer.id == k.at("sort_id").text(); });
    if (it == rows.end()) continue;  // gone between the two queries
    page.rows.push_back(std::move(*it));
    const auto &lon = k.at("place_lon"), &lat = k.at("place_lat");
    if (lon.is_null() || lat.is_null()) {
      page.places.emplace_back();
    } else {
      page.places.emplace_back(std::pair{lon.real(), lat.real()});
    }
  }
  if (more) {
    const auto& last = keys.back();
    page.next = {exact(last.at("sort_key").real()), last.at("sort_title").text(),
                 last.at("sort_id").text()};
  }
  return page;
}

}  // namespace stemnet::catalogue::store
