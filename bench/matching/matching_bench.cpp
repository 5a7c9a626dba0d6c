// matching_bench — a generated national matching round, solved by the
// optimal solver and by first come, first served, on the same data.
//
// It writes into a database that holds the reference data (run by
// bench/matching.sh): every registry school gets 1-3 open requests, and
// 10 000 slots are spread over the municipalities in proportion to their
// population, as fictitious providers' offers. Then the round is loaded as
// the product loads it (Rounds::load: equity weights included) and solved.
//   matching_bench --db sqlite:/tmp/b.db [--seed 1] [--repeat 5] [--slots 10000]
#include "db/database.hpp"
#include "db/sqlite/sqlite.hpp"
#include "matching/rounds.hpp"
#include "matching/solver.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <random>
#include <string>

namespace {

using namespace stemnet;

const char* kSubjects[] = {"natural_science",        "mathematics", "physics",
                           "technology_programming", "chemistry",   "biology"};
const char* kFormats[] = {"workplace_visit", "school_visit",    "digital_qa",
                          "virtual_tour",    "role_model_talk", "kit"};

std::string week_of(int w) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "2099-W%02d", w);
  return buf;
}

// The Monday of ISO week w of 2099 (2099-01-05 is the Monday of week 2).
std::string day_in_week(int w, int weekday) {
  const int day_of_year = 5 + (w - 2) * 7 + weekday;  // 2099-01-05 is day 5
  static const int month_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int d = day_of_year, m = 0;
  while (d > month_days[m]) d -= month_days[m++];
  char buf[32];
  std::snprintf(buf, sizeof buf, "2099-%02d-%02d", m + 1, d);
  return buf;
}

int fail(const std::string& what) {
  std::cerr << "matching_bench: " << what << "\n";
  return 1;
}

template <class T>
double median(std::vector<T> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : static_cast<double>(v[v.size() / 2]);
}

}  // namespace

int main(int argc, char** argv) {
  std::string db = "sqlite:/tmp/matching-bench.db";
  unsigned seed = 1;
  int repeat = 5, total_slots = 10'000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i], v = argv[i + 1];
    if (k == "--db")
      db = v;
    else if (k == "--seed")
      seed = static_cast<unsigned>(std::stoul(v));
    else if (k == "--repeat")
      repeat = std::stoi(v);
    else if (k == "--slots")
      total_slots = std::stoi(v);
    else
      return fail("unknown option " + k);
  }
  if (!db.starts_with("sqlite:")) return fail("--db sqlite:PATH");
  auto pool = db::sqlite::pool(db.substr(7), 1);
  auto conn = pool->acquire();
  if (!conn) return fail(conn.error().detail);
  auto& c = **conn;
  std::mt19937 rng(seed);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  const std::string now = "2098-12-01T00:00:00Z";

  auto done = db::transaction(c, [&](db::Connection& t) -> Result<void> {
    STEMNET_TRY_VOID(
        t.execute("INSERT INTO person (id, email, name, password_hash, language, created_at) VALUES"
                  " ('bench', 'bench@bench.invalid', 'Bench', 'x', 'nb', $1)",
                  {now}));
    // Requests: every school, 1-3 classes, 1-3 consecutive weeks in 10..23.
    STEMNET_TRY(auto schools, t.query("SELECT orgnr FROM school ORDER BY orgnr"));
    int n = 0;
    for (const auto& s : schools) {
      const int classes = 1 + pick(3);
      for (int k = 0; k < classes; ++k) {
        std::string subjects = kSubjects[pick(6)];
        if (pick(2)) subjects += std::string(",") + kSubjects[pick(6)];
        const std::string formats = pick(10) < 7 ? "" : kFormats[pick(6)];
        const int first = 10 + pick(12), weeks = 1 + pick(3);
        std::string wished;
        for (int w = first; w < first + weeks && w <= 23; ++w)
          wished += (wished.empty() ? "" : ",") + week_of(w);
        char created[32];
        std::snprintf(created, sizeof created, "2098-12-01T00:00:%02d.%03dZ", n / 1000 % 60,
                      n % 1000);
        STEMNET_TRY_VOID(t.execute(
            "INSERT INTO open_request (id, school_orgnr, teacher_id, grade, pupils, subjects,"
            " formats, digital_ok, weeks, note, state, created_at, updated_at) VALUES"
            " ($1, $2, 'bench', $3, 24, $4, $5, $6, $7, 'bench', 'open', $8, $8)",
            {"bench-r" + std::to_string(n), s.text(0), 1 + pick(10), subjects, formats,
             pick(2) == 0, wished, std::string(created)}));
        ++n;
      }
    }
    // Slots: by population (largest remainders), in offers of 1-4 slots.
    STEMNET_TRY(auto ms, t.query("SELECT number, COALESCE(population, 0) FROM municipality WHERE"
                                 " kind = 'municipality' ORDER BY number"));
    double people = 0;
    for (const auto& m : ms) people += static_cast<double>(m.integer(1));
    std::vector<std::pair<double, std::string>> remainders;
    std::map<std::string, int> share;
    int given = 0;
    for (const auto& m : ms) {
      const double exact = total_slots * static_cast<double>(m.integer(1)) / people;
      share[m.text(0)] = static_cast<int>(exact);
      given += static_cast<int>(exact);
      remainders.emplace_back(exact - static_cast<int>(exact), m.text(0));
    }
    std::sort(remainders.rbegin(), remainders.rend());
    for (int i = 0; given < total_slots; ++i, ++given) ++share[remainders[i].second];
    int offers = 0, slots = 0;
    for (const auto& [municipality, count] : share) {
      if (count == 0) continue;
      const std::string org = "bench:" + municipality;
      STEMNET_TRY_VOID(t.execute(
          "INSERT INTO organisation (id, kind, name, municipality_number, status, created_at)"
          " VALUES ($1, 'company', $2, $3, 'approved', $4)",
          {org, "Bench " + municipality, municipality, now}));
      for (int left = count; left > 0;) {
        const int here = std::min(left, 1 + pick(4));
        left -= here;
        const std::string format = kFormats[pick(6)];
        const int gmin = 1 + pick(10), gmax = std::min(13, gmin + 1 + pick(5));
        const std::string offer = "bench-o" + std::to_string(offers++);
        std::string subjects = kSubjects[pick(6)];
        if (pick(2)) subjects += std::string(",") + kSubjects[pick(6)];
        STEMNET_TRY_VOID(t.execute(
            "INSERT INTO offer (id, organisation_id, title, description, format, subjects,"
            " languages, grade_min, grade_max, capacity, digital, municipality_number, address,"
            " travel_radius_km, duration_minutes, cost_nok, preparation, on_request, kit_before,"
            " kit_during, kit_after, status, created_at, updated_at) VALUES ($1, $2, $1, '', $3,"
            " $4, 'nb', $5, $6, 30, $7, $8, '', $9, 90, 0, '', 0, '', '', '', 'published', $10,"
            " $10)",
            {offer, org, format, subjects, gmin, gmax, format == "digital_qa", municipality,
             20 + pick(100), now}));
        for (int k = 0; k < here; ++k) {
          const std::string day = day_in_week(10 + pick(14), pick(5));
          STEMNET_TRY_VOID(t.execute(
              "INSERT INTO offer_slot (id, offer_id, starts_at, ends_at, capacity, booked)"
              " VALUES ($1, $2, $3, $4, $5, 0)",
              {"bench-s" + std::to_string(slots++), offer, day + "T09:00", day + "T10:30",
               1 + pick(2)}));
        }
      }
    }
    std::cerr << "generated " << n << " requests, " << offers << " offers, " << slots << " slots\n";
    return ok();
  });
  if (!done) return fail(done.error().where_and_what());

  const matching::RoundInput round{"NO", "2099-03-02", "2099-06-07"};  // weeks 10..23
  std::vector<double> load_s, solve_s, fcfs_s;
  matching::Solution best, fcfs;
  matching::Rounds::Loaded loaded;
  for (int i = 0; i < repeat; ++i) {
    const auto t0 = std::chrono::steady_clock::now();
    auto l = matching::Rounds::load(c, round);
    if (!l) return fail(l.error().detail);
    loaded = std::move(*l);
    load_s.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    best = matching::solve(loaded.instance, {});
    solve_s.push_back(best.seconds);
    fcfs = matching::first_come_first_served(loaded.instance, {});
    fcfs_s.push_back(fcfs.seconds);
  }
  // The same round without the candidate cap: is anything lost?
  matching::Solution uncapped = matching::solve(loaded.instance, {.max_candidates = 0});

  auto ratio = [](double a, double b) { return b == 0 ? 0.0 : a / b; };
  const auto& o = best.totals;
  const auto& f = fcfs.totals;
  std::printf("requests %d\nslots %zu\narcs %zu\narcs_uncapped %zu\n", o.requests,
              loaded.instance.slots.size(), best.arcs, uncapped.arcs);
  std::printf("load_seconds_median %.3f\nsolve_seconds_median %.3f\nfcfs_seconds_median %.3f\n",
              median(load_s), median(solve_s), median(fcfs_s));
  std::printf("uncapped_solve_seconds %.3f\n", uncapped.seconds);
  std::printf("served_optimal %d\nserved_fcfs %d\nserved_ratio %.3f\n", o.served, f.served,
              ratio(o.served, f.served));
  std::printf(
      "low_engagement_requests %d\nserved_low_optimal %d\nserved_low_fcfs %d\n"
      "served_low_ratio %.3f\n",
      o.low_engagement, o.served_low_engagement, f.served_low_engagement,
      ratio(o.served_low_engagement, f.served_low_engagement));
  std::printf("travel_km_optimal %.0f\ntravel_km_fcfs %.0f\ntravel_ratio %.3f\n",
              o.travel_m / 1000.0, f.travel_m / 1000.0,
              ratio(static_cast<double>(o.travel_m), static_cast<double>(f.travel_m)));
  std::printf("travel_per_served_km_optimal %.1f\ntravel_per_served_km_fcfs %.1f\n",
              o.served ? o.travel_m / 1000.0 / o.served : 0.0,
              f.served ? f.travel_m / 1000.0 / f.served : 0.0);
  std::printf("served_uncapped %d\nequity_optimal %lld\nequity_uncapped %lld\ntravel_unit_m %ld\n",
              uncapped.totals.served, static_cast<long long>(o.equity),
              static_cast<long long>(uncapped.totals.equity), best.travel_unit_m);
  return 0;
}
