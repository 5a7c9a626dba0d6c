// The solver against its promises: hard constraints on random rounds, the
// optimum against brute force (tiny rounds) and against GLPK's MIP solver
// (a round of 200 requests), and FCFS never better on the first tier.
#include "matching/solver.hpp"

#include <glpk.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

namespace stemnet::matching {
namespace {

const std::vector<std::string> kSubjects = {"natural_science", "mathematics", "physics",
                                            "technology_programming"};
const std::vector<std::string> kFormats = {"workplace_visit", "school_visit", "digital_qa",
                                           "role_model_talk"};

std::string week(int w) { return "2027-W" + std::string(w < 10 ? "0" : "") + std::to_string(w); }

// A random round in southern Norway: places within ~300 km, weeks 10-15.
Instance random_instance(std::mt19937& rng, int requests, int slots, int places) {
  std::uniform_real_distribution<double> lon(5.0, 11.0), lat(58.5, 61.5);
  auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
  Instance in;
  for (int p = 0; p < places; ++p) in.places.push_back({lon(rng), lat(rng)});
  for (int r = 0; r < requests; ++r) {
    Request q;
    q.id = "r" + std::to_string(r);
    q.place = pick(places);
    q.grade = 1 + pick(13);
    q.subjects = {kSubjects[pick(4)]};
    if (pick(2)) q.subjects.push_back(kSubjects[pick(4)]);
    if (pick(3) == 0) q.formats = {kFormats[pick(4)]};
    const int first = 10 + pick(5);
    q.weeks = {week(first)};
    if (pick(2)) q.weeks.push_back(week(first + 1));
    q.digital_ok = pick(2) == 0;
    q.equity = pick(101);
    q.low_engagement = q.equity >= 75;
    in.requests.push_back(q);
  }
  for (int s = 0; s < slots; ++s) {
    Slot t;
    t.id = "s" + std::to_string(s);
    t.offer_id = "o" + std::to_string(s / 2);
    t.place = pick(places);
    t.format = kFormats[pick(4)];
    t.digital = t.format == "digital_qa";
    t.radius_km = 20 + pick(150);
    t.subjects = {kSubjects[pick(4)]};
    t.grade_min = 1 + pick(10);
    t.grade_max = std::min(13, t.grade_min + pick(6));
    t.week = week(10 + pick(6));
    t.capacity = 1 + pick(2);
    in.slots.push_back(t);
  }
  return in;
}

// Feasibility written again here, from the rules, not from the solver.
bool feasible(const Instance& in, const Request& r, const Slot& s) {
  if (r.grade < s.grade_min || r.grade > s.grade_max) return false;
  if (std::find(r.weeks.begin(), r.weeks.end(), s.week) == r.weeks.end()) return false;
  if (!r.formats.empty() &&
      std::find(r.formats.begin(), r.formats.end(), s.format) == r.formats.end())
    return false;
  if (s.digital) return r.digital_ok;
  return geo::distance_m(in.places[r.place], in.places[s.place]) <= s.radius_km * 1000L;
}

long travel(const Instance& in, const Request& r, const Slot& s) {
  return s.digital ? 0 : geo::distance_m(in.places[r.place], in.places[s.place]);
}

// The lexicographic value of a solution: bigger is better.
using Value = std::tuple<int, std::int64_t, std::int64_t, std::int64_t>;
Value value_of(const Solution& s) {
  return {s.totals.served, s.totals.equity, s.totals.fit, -s.totals.travel_m};
}

void expect_respects_constraints(const Instance& in, const Solution& s) {
  std::vector<int> used(in.slots.size(), 0);
  std::vector<int> times(in.requests.size(), 0);
  for (const auto& a : s.assignments) {
    const Request& r = in.requests[a.request];
    const Slot& slot = in.slots[a.slot];
    EXPECT_TRUE(feasible(in, r, slot)) << r.id << " -> " << slot.id;
    EXPECT_GE(r.grade, slot.grade_min);
    EXPECT_LE(r.grade, slot.grade_max);
    EXPECT_EQ(a.distance_m, travel(in, r, slot));
    ++used[a.slot];
    ++times[a.request];
  }
  for (std::size_t i = 0; i < in.slots.size(); ++i) EXPECT_LE(used[i], in.slots[i].capacity);
  for (int t : times) EXPECT_LE(t, 1) << "one slot per class per round";
  EXPECT_EQ(s.assignments.size() + s.unserved.size(), in.requests.size());
}

TEST(Solver, HardConstraintsHoldOnRandomRounds) {
  std::mt19937 rng(20261124);
  for (int round = 0; round < 30; ++round) {
    Instance in = random_instance(rng, 60 + round * 5, 40 + round * 3, 25);
    Solution best = solve(in, {});
    Solution fcfs = first_come_first_served(in, {});
    expect_respects_constraints(in, best);
    expect_respects_constraints(in, fcfs);
    EXPECT_GE(value_of(best), value_of(fcfs)) << "round " << round;
    EXPECT_GE(best.totals.served, fcfs.totals.served);
  }
}

// Every way of giving each request one slot or none, within capacity.
Value brute_force(const Instance& in) {
  Value best{0, 0, 0, 0};
  std::vector<int> room(in.slots.size());
  for (std::size_t s = 0; s < in.slots.size(); ++s) room[s] = in.slots[s].capacity;
  std::function<void(std::size_t, Value)> go = [&](std::size_t r, Value v) {
    if (r == in.requests.size()) {
      best = std::max(best, v);
      return;
    }
    go(r + 1, v);  // unserved
    for (std::size_t s = 0; s < in.slots.size(); ++s) {
      if (room[s] == 0 || !feasible(in, in.requests[r], in.slots[s])) continue;
      --room[s];
      Value w = v;
      std::get<0>(w) += 1;
      std::get<1>(w) += in.requests[r].equity;
      std::get<2>(w) += fit_of(in.requests[r], in.slots[s]).total();
      std::get<3>(w) -= travel(in, in.requests[r], in.slots[s]);
      go(r + 1, w);
      ++room[s];
    }
  };
  go(0, best);
  return best;
}

TEST(Solver, OptimumEqualsBruteForceOnTinyRounds) {
  std::mt19937 rng(7);
  int compared = 0;
  for (int round = 0; round < 200; ++round) {
    Instance in = random_instance(rng, 6, 5, 4);
    for (auto& r : in.requests) r.weeks = {week(10), week(11)};  // make pairs likely
    for (auto& s : in.slots) s.week = week(10 + round % 2);
    Solution best = solve(in, {.max_candidates = 0});
    EXPECT_EQ(value_of(best), brute_force(in)) << "round " << round;
    compared += best.totals.served > 0;
  }
  EXPECT_GT(compared, 100) << "the rounds must not be trivially empty";
}

// The same lexicographic optimum with GLPK's branch and bound: fix each
// tier's optimum and optimise the next.
Value glpk_optimum(const Instance& in) {
  struct Var {
    int r, s;
  };
  std::vector<Var> vars;
  for (int r = 0; r < static_cast<int>(in.requests.size()); ++r) {
    for (int s = 0; s < static_cast<int>(in.slots.size()); ++s) {
      if (feasible(in, in.requests[r], in.slots[s])) vars.push_back({r, s});
    }
  }
  glp_term_out(GLP_OFF);
  glp_prob* lp = glp_create_prob();
  const int n = static_cast<int>(vars.size());
  glp_add_cols(lp, n);
  for (int j = 1; j <= n; ++j) {
    glp_set_col_kind(lp, j, GLP_BV);
  }
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0};
  int row = 0;
  auto add_row = [&](const std::vector<std::pair<int, double>>& terms, int type, double lo,
                     double hi) {
    row = glp_add_rows(lp, 1);
    glp_set_row_bnds(lp, row, type, lo, hi);
    for (auto [j, c] : terms) {
      ia.push_back(row);
      ja.push_back(j);
      ar.push_back(c);
    }
  };
  for (int r = 0; r < static_cast<int>(in.requests.size()); ++r) {
    std::vector<std::pair<int, double>> t;
    for (int j = 0; j < n; ++j)
      if (vars[j].r == r) t.emplace_back(j + 1, 1.0);
    if (!t.empty()) add_row(t, GLP_UP, 0, 1);
  }
  for (int s = 0; s < static_cast<int>(in.slots.size()); ++s) {
    std::vector<std::pair<int, double>> t;
    for (int j = 0; j < n; ++j)
      if (vars[j].s == s) t.emplace_back(j + 1, 1.0);
    if (!t.empty()) add_row(t, GLP_UP, 0, in.slots[s].capacity);
  }
  auto tier = [&](int k, int j) -> double {
    const Request& r = in.requests[vars[j].r];
    const Slot& s = in.slots[vars[j].s];
    switch (k) {
      case 0:
        return 1;
      case 1:
        return r.equity;
      case 2:
        return fit_of(r, s).total();
      default:
        return -static_cast<double>(travel(in, r, s));
    }
  };
  Value v;
  double results[4];
  for (int k = 0; k < 4; ++k) {
    glp_set_obj_dir(lp, GLP_MAX);
    for (int j = 1; j <= n; ++j) glp_set_obj_coef(lp, j, tier(k, j - 1));
    glp_load_matrix(lp, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());
    glp_iocp parm;
    glp_init_iocp(&parm);
    parm.presolve = GLP_ON;
    EXPECT_EQ(glp_intopt(lp, &parm), 0);
    results[k] = glp_mip_obj_val(lp);
    // Keep this tier at its optimum while the next is optimised.
    std::vector<std::pair<int, double>> t;
    for (int j = 1; j <= n; ++j) t.emplace_back(j, tier(k, j - 1));
    add_row(t, GLP_FX, results[k], results[k]);
  }
  glp_delete_prob(lp);
  v = {static_cast<int>(std::llround(results[0])), std::llround(results[1]),
       std::llround(results[2]), std::llround(results[3])};
  return v;
}

TEST(Solver, OptimumEqualsGlpkOnARoundOf200Requests) {
  std::mt19937 rng(42);
  Instance in = random_instance(rng, 200, 120, 30);
  Solution best = solve(in, {.max_candidates = 0});
  ASSERT_GT(best.totals.served, 50);
  EXPECT_EQ(best.travel_unit_m, 1);
  EXPECT_EQ(value_of(best), glpk_optimum(in));
}

TEST(Solver, EmptyAndInfeasibleRoundsSayWhy) {
  Instance empty;
  Solution none = solve(empty, {});
  EXPECT_EQ(none.totals.served, 0);
  EXPECT_TRUE(none.unserved.empty());

  Instance in;
  in.places = {{10.75, 59.91}, {5.32, 60.39}};  // Oslo, Bergen: 300 km apart
  Request r;
  r.id = "oslo-9";
  r.place = 0;
  r.grade = 9;
  r.subjects = {"physics"};
  r.weeks = {"2027-W12"};
  Slot s;
  s.id = "bergen";
  s.place = 1;
  s.radius_km = 50;
  s.format = "school_visit";
  s.subjects = {"physics"};
  s.grade_min = 8;
  s.grade_max = 10;
  s.week = "2027-W12";
  in.requests = {r};
  in.slots = {s};
  auto why = [&](const Instance& x) {
    Solution sol = solve(x, {});
    EXPECT_EQ(sol.unserved.size(), 1u);
    return sol.unserved.empty() ? std::string() : std::string(name(sol.unserved[0].second));
  };
  EXPECT_EQ(why(in), "no_slot_in_reach");
  in.requests[0].digital_ok = true;
  in.slots[0].digital = true;
  EXPECT_EQ(solve(in, {}).totals.served, 1) << "digital reaches anywhere";
  in.requests[0].digital_ok = false;
  EXPECT_EQ(why(in), "no_slot_in_reach");
  in.requests[0].grade = 3;
  EXPECT_EQ(why(in), "no_grade_fit");
  in.requests[0].grade = 9;
  in.requests[0].weeks = {"2027-W13"};
  EXPECT_EQ(why(in), "no_slot_in_wished_weeks");
  in.requests[0].weeks = {"2027-W12"};
  in.requests[0].formats = {"camp"};
  EXPECT_EQ(why(in), "no_welcome_format");
  // Two classes, one place: the one from the less engaged area gets it.
  in.requests[0].formats = {};
  in.slots[0].digital = false;
  in.slots[0].place = 0;
  Request other = in.requests[0];
  other.id = "oslo-9b";
  other.equity = 80;
  in.requests.push_back(other);
  Solution sol = solve(in, {});
  ASSERT_EQ(sol.assignments.size(), 1u);
  EXPECT_EQ(sol.assignments[0].request, 1);
  ASSERT_EQ(sol.unserved.size(), 1u);
  EXPECT_EQ(std::string(name(sol.unserved[0].second)), "no_capacity");
  // First come, first served gives it to the first.
  Solution fcfs = first_come_first_served(in, {});
  ASSERT_EQ(fcfs.assignments.size(), 1u);
  EXPECT_EQ(fcfs.assignments[0].request, 0);
}

}  // namespace
}  // namespace stemnet::matching
