// catalogue/search.cpp — how schools find offers: words (FTS5 on SQLite),
// filters, nearness to a school or municipality, free slots; a page of
// results with their files.
#include "catalogue/errors.hpp"
#include "catalogue/service.hpp"
#include "catalogue/store.hpp"
#include "core/clock.hpp"
#include "core/strings.hpp"
#include "core/time.hpp"
#include "geo/area_code.hpp"
#include "geo/point.hpp"
#include "text/normalize.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace stemnet::catalogue {
namespace {

// The full-text query for free text: every folded word as a prefix, all
// required; in FTS5's syntax ("a"* "b"*) or PostgreSQL's ('a':* & 'b':*).
std::string fts_query(const std::string& q, bool postgresql = false) {
  std::string folded = text::search_key(q), out, word;
  auto flush = [&] {
    if (word.empty()) return;
    if (postgresql) {
      out += (out.empty() ? "'" : " & '") + word + "':*";
    } else {
      out += (out.empty() ? "" : " ") + std::string("\"") + word + "\"*";
    }
    word.clear();
  };
  for (char c : folded) {
    if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
      word += c;
    } else {
      flush();
    }
  }
  flush();
  return out;
}

}  // namespace

Result<Page<Offer>> Service::search(const SearchQuery& q) {
  if (q.format && !one_of(*q.format, kFormats)) return errors::unknown_format_query(*q.format);
  if (q.subject && !one_of(*q.subject, kSubjects)) return errors::unknown_subject_query(*q.subject);
  if (q.grade && (*q.grade < 1 || *q.grade > 13)) return errors::grade_query_out_of_range();
  if (q.municipality && !geo::is_municipality_number(*q.municipality))
    return errors::municipality_query_invalid(*q.municipality);
  if (q.near && !geo::is_organisation_number(*q.near)) return errors::near_query_invalid(*q.near);
  if (q.from) STEMNET_TRY_VOID(read_date("from", *q.from));
  if (q.to) STEMNET_TRY_VOID(read_date("to", *q.to));
  if (q.county && !geo::is_county_number(*q.county)) return errors::county_query_invalid(*q.county);
  if (q.include_unpublished && !q.organisation)
    return Error::internal("unpublished offers are shown for one organisation only");
  STEMNET_TRY(auto conn, pool_.acquire());
  std::string where;
  db::Params params;
  std::map<std::string, double> rank;
  if (q.q && !fts_query(*q.q).empty()) {
    if (fts_) {
      // Each hit with its score, higher better.
      const bool pg = conn->dialect() == "postgresql";
      STEMNET_TRY(auto hits,
                  conn->query(pg ? "SELECT offer_id, ts_rank(words, q) FROM offer_search,"
                                   " to_tsquery('simple', $1) q WHERE words @@ q"
                                 : "SELECT offer_id, -bm25(offer_search) FROM offer_search"
                                   " WHERE offer_search MATCH $1",
                              {fts_query(*q.q, pg)}));
      for (const auto& h : hits) rank[h.text(0)] = h.real(1);
    }
  }
  if (q.include_unpublished) {
    where = "o.organisation_id = $1";
    params.push_back(*q.organisation);
  } else if (q.organisation) {
    where = "o.status = 'published' AND g.status = 'approved' AND o.organisation_id = $1";
    params.push_back(*q.organisation);
  } else {
    where = "o.status = 'published' AND g.status = 'approved'";
  }
  STEMNET_TRY(auto rows, store::offers(*conn, where, params, "o.title, o.id"));
  std::set<std::string> in_county;
  if (q.county) {
    STEMNET_TRY(auto ms, conn->query("SELECT number FROM municipality WHERE county_number = $1",
                                     {*q.county}));
    for (const auto& m : ms) in_county.insert(m.text(0));
  }

  // Where the school or municipality is, for nearness.
  std::optional<geo::Point> here;
  std::optional<std::string> here_municipality;
  if (q.near || q.municipality) {
    STEMNET_TRY(
        auto at,
        q.near
            ? conn->query("SELECT lon, lat, municipality_number FROM school WHERE orgnr = $1",
                          {*q.near})
            : conn->query("SELECT label_lon, label_lat, number FROM municipality WHERE number = $1",
                          {*q.municipality}));
    if (at.empty()) {
      return q.near ? errors::school_not_found(*q.near)
                    : errors::municipality_not_found(*q.municipality);
    }
    here = geo::Point{at[0].real(0), at[0].real(1)};
    here_municipality = at[0].text(2);
  }
  std::map<std::string, geo::Point> points;
  if (here) {
    STEMNET_TRY(auto all, conn->query("SELECT number, label_lon, label_lat FROM municipality"));
    for (const auto& m : all) points[m.text(0)] = {m.real(1), m.real(2)};
  }
  std::vector<Offer> hits;
  for (auto& r : rows) {
    Offer o = std::move(r.offer);
    if (q.q && !fts_query(*q.q).empty()) {
      auto it = rank.find(o.id);
      if (fts_ && it == rank.end()) continue;
      if (!fts_ && text::search_key(o.title + " " + o.description).find(text::search_key(*q.q)) ==
                       std::string::npos) {
        continue;
      }
      if (it != rank.end()) o.rank = it->second;
    }
    if (q.format && o.format != *q.format) continue;
    if (q.county && (!o.municipality_number || !in_county.contains(*o.municipality_number)))
      continue;
    if (q.subject &&
        std::find(o.subjects.begin(), o.subjects.end(), *q.subject) == o.subjects.end())
      continue;
    if (q.grade && (*q.grade < o.grade_min || *q.grade > o.grade_max)) continue;
    if (q.digital && o.digital != *q.digital) continue;
    if (here && o.municipality_number) {
      if (auto p = points.find(*o.municipality_number); p != points.end()) {
        o.distance_km = std::round(geo::distance_m(*here, p->second) / 100.0) / 10.0;
      }
    }
    if (here && !o.digital) {
      if (!o.municipality_number) continue;
      const bool same = *o.municipality_number == *here_municipality;
      auto p = points.find(*o.municipality_number);
      const bool within =
          p != points.end() && geo::distance_m(*here, p->second) <= o.travel_radius_km * 1000L;
      if (!same && !within) continue;
    }
    if (q.from || q.to) {
      if (!o.on_request) {
        const std::string from = q.from ? *q.from : "0000-00-00";
        const std::string to = q.to ? *q.to + "T99" : "9999";
        STEMNET_TRY(auto slots,
                    conn->query("SELECT 1 FROM offer_slot WHERE offer_id = $1 AND starts_at >= $2"
                                " AND starts_at <= $3 AND booked < capacity",
                                {o.id, from, to}));
        if (slots.empty()) continue;
      }
    }
    hits.push_back(std::move(o));
  }
  if (q.q) {
    std::stable_sort(hits.begin(), hits.end(),
                     [](const Offer& a, const Offer& b) { return a.rank > b.rank; });
  } else if (here) {
    // Nearest first; an offer with no place (digital) after those with one.
    std::stable_sort(hits.begin(), hits.end(), [](const Offer& a, const Offer& b) {
      return a.distance_km.value_or(1e9) < b.distance_km.value_or(1e9);
    });
  }
  Page<Offer> page;
  page.total = static_cast<long long>(hits.size());
  const std::size_t end = std::min(hits.size(), q.offset + static_cast<std::size_t>(q.limit));
  for (std::size_t i = q.offset; i < end; ++i) page.items.push_back(std::move(hits[i]));
  // The page's files in one query (cards show an offer's first picture).
  std::vector<std::string> owners;
  for (const auto& o : page.items) owners.push_back(store::media_owner(o.id));
  STEMNET_TRY(auto files, media_.list_many(*conn, owners));
  for (auto& o : page.items) {
    if (auto f = files.find(store::media_owner(o.id)); f != files.end())
      o.files = std::move(f->second);
  }
  // The page's next free slots in one query: the first from now on with room.
  if (!page.items.empty()) {
    std::vector<db::Value> ids{local_minute_now()};
    std::string marks;
    for (const auto& o : page.items) {
      ids.emplace_back(o.id);
      marks += (marks.empty() ? "$" : ", $") + std::to_string(ids.size());
    }
    STEMNET_TRY(auto next, conn->query("SELECT offer_id, MIN(starts_at) FROM offer_slot"
                                       " WHERE starts_at > $1 AND booked < capacity"
                                       " AND offer_id IN (" +
                                           marks + ") GROUP BY offer_id",
                                       ids));
    std::map<std::string, std::string> first;
    for (const auto& r : next) first[r.text(0)] = r.text(1);
    for (auto& o : page.items) {
      if (auto f = first.find(o.id); f != first.end()) o.next_free = f->second;
    }
  }
  if (end < hits.size()) page.next_cursor = make_cursor({std::to_string(end)});
  return page;
}

}  // namespace stemnet::catalogue
