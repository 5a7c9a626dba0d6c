// matching/rounds.hpp — matching rounds over the database: what goes in,
// the proposal, and accepting it.
//
// A round takes the open requests of schools in its region (a county, or
// "NO") whose wished weeks meet its period, and every slot with room of a
// published offer of an approved provider that starts in the period. Places
// are municipalities' label points (a school's and an offer's). Each request
// carries an equity weight (0..100) from its municipality, documented in
// docs/matching.md:
//   60 x (1 - p), p = the municipality's rank (0 = least engaged, 1 = most)
//        among the round's municipalities by completed bookings per school
//        in the last 12 months (ties: the farther from a science centre is
//        less engaged, then by number);
// + 40 x min(d, 200 km) / 200 km, d = straight-line distance from the
//        municipality's label point to the nearest science-centre site.
// The least-engaged quartile is the first quarter of that order.
//
// Who: the coordinators of the region's county (a national round: admins).
// Accepting turns every assignment into a booking request to the provider,
// on the school's behalf, and the open request into "taken"; all in one
// transaction, which fails with 409 if anything changed since the solve
// (solve again).
#pragma once

#include "accounts/model.hpp"
#include "booking/service.hpp"
#include "matching/solver.hpp"
#include "notify/outbox.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stemnet::matching {

struct RoundInput {
  std::string region;    // county number or "NO"
  std::string from, to;  // YYYY-MM-DD, inclusive
};

struct RoundItem {
  std::string open_request_id, school_orgnr, school_name, municipality_number, municipality_name;
  int grade = 0, pupils = 0, equity = 0;
  // assigned:
  std::optional<std::string> slot_id, offer_id, offer_title, provider_id, provider_name, starts_at,
      request_id;
  long distance_m = 0;
  Fit fit;
  // unserved:
  std::optional<std::string> reason;
};

struct Round {
  std::string id, region, from, to, state, created_by, created_at;
  std::optional<std::string> solved_at, accepted_at;
  std::string summary_json;  // totals of the proposal and of FCFS, size, time
  std::vector<RoundItem> assignments, unserved;
};

class Rounds {
 public:
  Rounds(db::Pool& pool, booking::Service& bookings, const notify::Outbox& outbox,
         Options options = {})
      : pool_(pool), bookings_(bookings), outbox_(outbox), options_(options) {}

  Result<Round> create(const accounts::Actor& actor, const RoundInput& in);
  // Solves (again) on what is open now; the round becomes "proposed".
  Result<Round> solve(const accounts::Actor& actor, const std::string& id);
  Result<Round> get(const accounts::Actor& actor, const std::string& id);
  Result<std::vector<Round>> list(const accounts::Actor& actor);  // without items
  Result<Round> accept(const accounts::Actor& actor, const std::string& id);

  // The instance of a round, with what the indices stand for (for the CLI
  // and the benchmark too).
  struct Loaded {
    Instance instance;
    std::vector<std::string> request_ids, slot_ids;
  };
  static Result<Loaded> load(db::Connection& c, const RoundInput& in);

 private:
  // The round, with its assignments and unserved requests unless `with_items` is false.
  Result<Round> read(db::Connection& c, const std::string& id, bool with_items = true);
  Result<void> may_run(const accounts::Actor& actor, const std::string& region) const;
  db::Pool& pool_;
  booking::Service& bookings_;
  const notify::Outbox& outbox_;
  Options options_;
};

}  // namespace stemnet::matching
