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
  if (!fts_) STEMNET_TRY_VOID(prepare());
  STEMNET_TRY(auto conn, pool_.acquire());
  const bool pg = conn->dialect() == "postgresql";
  store::OfferSearch s;
  s.organisation = q.organisation;
  s.include_unpublished = q.include_unpublished;
  if (q.q) {
    if (std::string words = fts_query(*q.q, pg); !words.empty()) s.words = std::move(words);
  }
  s.format = q.format;
  s.county = q.county;
  s.subject = q.subject;
  s.grade = q.grade;
  s.digital = q.digital;
  s.slots_from = q.from;
  s.slots_to = q.to;
  s.limit = q.limit;
  s.after = q.after;

  // Where the school or municipality is, for nearness.
  std::optional<geo::Point> here;
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
    s.near = store::OfferSearch::Near{here->lon, here->lat, at[0].text(2)};
  }
  // Best match first; else nearest first (an offer with no place last); else by title.
  s.order = s.words ? store::OfferSearch::Order::score
            : here  ? store::OfferSearch::Order::distance
                    : store::OfferSearch::Order::title;
  STEMNET_TRY(auto found, store::search(*conn, s));
  Page<Offer> page;
  page.total = found.total;
  for (std::size_t i = 0; i < found.rows.size(); ++i) {
    Offer o = std::move(found.rows[i].offer);
    if (here && found.places[i]) {
      const geo::Point p{found.places[i]->first, found.places[i]->second};
      o.distance_km = std::round(geo::distance_m(*here, p) / 100.0) / 10.0;
    }
    page.items.push_back(std::move(o));
  }
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
  if (!found.next.empty()) page.next_cursor = make_cursor(found.next);
  return page;
}

}  // namespace stemnet::catalogue
