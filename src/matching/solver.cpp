#include "matching/solver.hpp"

#include <lemon/network_simplex.h>
#include <lemon/preflow.h>
#include <lemon/smart_graph.h>

#include <algorithm>
#include <chrono>
#include <limits>
#include <map>
#include <stdexcept>

namespace stemnet::matching {
namespace {

using Clock = std::chrono::steady_clock;

struct Candidate {
  int slot;
  long distance_m;
  Fit fit;
};

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Distances between places, each computed once.
class Distances {
 public:
  explicit Distances(const std::vector<geo::Point>& places)
      : places_(places), n_(places.size()), cache_(n_ * n_, -1) {}
  long operator()(int a, int b) {
    long& d = cache_[static_cast<std::size_t>(a) * n_ + static_cast<std::size_t>(b)];
    if (d < 0) d = geo::distance_m(places_[a], places_[b]);
    return d;
  }

 private:
  const std::vector<geo::Point>& places_;
  std::size_t n_;
  std::vector<long> cache_;
};

struct Candidates {
  std::vector<std::vector<Candidate>> of;  // per request, best first
  std::vector<Unserved> none_because;      // per request, when it has none
  std::size_t arcs = 0;
};

Candidates candidates(const Instance& in, const Options& options) {
  if (in.places.size() > 20'000) throw std::invalid_argument("too many places for one round");
  Distances distance(in.places);
  std::map<std::string, std::vector<int>> by_week;
  for (int s = 0; s < static_cast<int>(in.slots.size()); ++s) {
    if (in.slots[s].capacity > 0) by_week[in.slots[s].week].push_back(s);
  }
  Candidates out;
  out.of.resize(in.requests.size());
  out.none_because.resize(in.requests.size(), Unserved::no_capacity);
  for (int r = 0; r < static_cast<int>(in.requests.size()); ++r) {
    const Request& q = in.requests[r];
    // How far a request gets before it fails tells why it fails.
    bool grade = false, week = false, format = false;
    auto& list = out.of[r];
    for (const auto& w : q.weeks) {
      auto it = by_week.find(w);
      if (it == by_week.end()) continue;
      for (int s : it->second) {
        const Slot& slot = in.slots[s];
        if (q.grade < slot.grade_min || q.grade > slot.grade_max) continue;
        week = true;
        if (!q.formats.empty() && !contains(q.formats, slot.format)) continue;
        format = true;
        long d = 0;
        if (slot.digital) {
          if (!q.digital_ok) continue;
        } else {
          d = distance(q.place, slot.place);
          if (d > static_cast<long>(slot.radius_km) * 1000) continue;
        }
        list.push_back({s, d, fit_of(q, slot)});
      }
    }
    if (list.empty()) {
      if (!week) {
        // No slot in a wished week for the grade: is there any for the grade at all?
        for (const auto& slot : in.slots) {
          if (slot.capacity > 0 && q.grade >= slot.grade_min && q.grade <= slot.grade_max) {
            grade = true;
            break;
          }
        }
        out.none_because[r] = grade ? Unserved::no_wished_week : Unserved::no_grade_fit;
      } else {
        out.none_because[r] = format ? Unserved::no_slot_in_reach : Unserved::no_format;
      }
      continue;
    }
    std::sort(list.begin(), list.end(), [](const Candidate& a, const Candidate& b) {
      if (a.fit.total() != b.fit.total()) return a.fit.total() > b.fit.total();
      if (a.distance_m != b.distance_m) return a.distance_m < b.distance_m;
      return a.slot < b.slot;
    });
    if (options.max_candidates > 0 && static_cast<int>(list.size()) > options.max_candidates) {
      list.resize(static_cast<std::size_t>(options.max_candidates));
    }
    out.arcs += list.size();
  }
  return out;
}

void add_totals(const Instance& in, Solution& s) {
  Totals& t = s.totals;
  t.requests = static_cast<int>(in.requests.size());
  for (const auto& r : in.requests) t.low_engagement += r.low_engagement ? 1 : 0;
  for (const auto& a : s.assignments) {
    ++t.served;
    if (in.requests[a.request].low_engagement) ++t.served_low_engagement;
    t.equity += a.equity;
    t.fit += a.fit.total();
    t.travel_m += a.distance_m;
  }
}

// Requests left without a slot, with the reason their candidates give.
void add_unserved(const Instance& in, const Candidates& c, Solution& s) {
  std::vector<bool> served(in.requests.size(), false);
  for (const auto& a : s.assignments) served[a.request] = true;
  for (int r = 0; r < static_cast<int>(in.requests.size()); ++r) {
    if (!served[r]) {
      s.unserved.emplace_back(r, c.of[r].empty() ? c.none_because[r] : Unserved::no_capacity);
    }
  }
}

}  // namespace

const char* name(Unserved u) {
  switch (u) {
    case Unserved::no_grade_fit:
      return "no_grade_fit";
    case Unserved::no_wished_week:
      return "no_slot_in_wished_weeks";
    case Unserved::no_format:
      return "no_welcome_format";
    case Unserved::no_slot_in_reach:
      return "no_slot_in_reach";
    case Unserved::no_capacity:
      return "no_capacity";
  }
  return "unknown";
}

Fit fit_of(const Request& r, const Slot& s) {
  Fit f;
  int covered = 0;
  for (const auto& subject : r.subjects) covered += contains(s.subjects, subject) ? 1 : 0;
  if (!r.subjects.empty()) f.subject = 6 * covered / static_cast<int>(r.subjects.size());
  f.week = !r.weeks.empty() && r.weeks.front() == s.week ? 2 : (contains(r.weeks, s.week) ? 1 : 0);
  const int width = s.grade_max - s.grade_min + 1;
  f.grade = width <= 3 ? 2 : (width <= 6 ? 1 : 0);
  return f;
}

Solution solve(const Instance& in, const Options& options) {
  const auto started = Clock::now();
  Candidates c = candidates(in, options);
  Solution out;
  out.arcs = c.arcs;

  lemon::SmartDigraph g;
  const auto source = g.addNode();
  const auto sink = g.addNode();
  std::vector<lemon::SmartDigraph::Node> request_node, slot_node;
  request_node.reserve(in.requests.size());
  for (std::size_t r = 0; r < in.requests.size(); ++r) request_node.push_back(g.addNode());
  slot_node.reserve(in.slots.size());
  for (std::size_t s = 0; s < in.slots.size(); ++s) slot_node.push_back(g.addNode());

  lemon::SmartDigraph::ArcMap<int> capacity(g);
  lemon::SmartDigraph::ArcMap<std::int64_t> cost(g);
  struct PairArc {
    lemon::SmartDigraph::Arc arc;
    int request;
    const Candidate* candidate;
  };
  std::vector<PairArc> pairs;
  pairs.reserve(c.arcs);
  std::vector<bool> slot_used(in.slots.size(), false);

  // Weights: each tier outweighs everything below it.
  std::int64_t max_travel_sum = 0, max_fit_sum = 0;
  for (std::size_t r = 0; r < in.requests.size(); ++r) {
    long most_far = 0;
    int best_fit = 0;
    for (const auto& cand : c.of[r]) {
      most_far = std::max(most_far, cand.distance_m);
      best_fit = std::max(best_fit, cand.fit.total());
    }
    max_travel_sum += most_far;
    max_fit_sum += best_fit;
  }
  const std::int64_t nodes = static_cast<std::int64_t>(in.requests.size() + in.slots.size() + 2);
  const std::int64_t budget = (std::int64_t{1} << 62) / std::max<std::int64_t>(nodes, 1);
  long unit = 1;
  std::int64_t w_fit = 0, w_equity = 0;
  for (;; unit *= 10) {
    const std::int64_t travel_bound = max_travel_sum / unit + 1;
    w_fit = travel_bound + 1;
    w_equity = (max_fit_sum + 1) * w_fit;
    // The largest arc cost is 100 * w_equity + 10 * w_fit.
    if (w_equity < budget / 128) break;
    if (unit > 1'000'000) throw std::overflow_error("round too large to weigh exactly");
  }
  out.travel_unit_m = unit;

  for (std::size_t r = 0; r < in.requests.size(); ++r) {
    if (c.of[r].empty()) continue;
    auto a = g.addArc(source, request_node[r]);
    capacity[a] = 1;
    cost[a] = -w_equity * in.requests[r].equity;
    for (const auto& cand : c.of[r]) {
      auto p = g.addArc(request_node[r], slot_node[cand.slot]);
      capacity[p] = 1;
      cost[p] = -w_fit * cand.fit.total() + cand.distance_m / unit;
      pairs.push_back({p, static_cast<int>(r), &cand});
      slot_used[cand.slot] = true;
    }
  }
  for (std::size_t s = 0; s < in.slots.size(); ++s) {
    if (!slot_used[s]) continue;
    auto a = g.addArc(slot_node[s], sink);
    capacity[a] = in.slots[s].capacity;
    cost[a] = 0;
  }

  // 1. As many requests as can be served.
  lemon::Preflow<lemon::SmartDigraph, lemon::SmartDigraph::ArcMap<int>> max_flow(g, capacity,
                                                                                 source, sink);
  max_flow.runMinCut();
  const int served = static_cast<int>(max_flow.flowValue());

  // 2-4. The best of those flows.
  if (served > 0) {
    lemon::NetworkSimplex<lemon::SmartDigraph, int, std::int64_t> mcf(g);
    mcf.upperMap(capacity).costMap(cost).stSupply(source, sink, served);
    if (mcf.run() != decltype(mcf)::OPTIMAL) {
      throw std::logic_error("the min-cost flow of a feasible flow value was not optimal");
    }
    for (const auto& p : pairs) {
      if (mcf.flow(p.arc) > 0) {
        out.assignments.push_back({p.request, p.candidate->slot, p.candidate->distance_m,
                                   p.candidate->fit, in.requests[p.request].equity});
      }
    }
  }
  add_unserved(in, c, out);
  add_totals(in, out);
  out.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return out;
}

Solution first_come_first_served(const Instance& in, const Options& options) {
  const auto started = Clock::now();
  Candidates c = candidates(in, options);
  Solution out;
  out.arcs = c.arcs;
  std::vector<int> room(in.slots.size());
  for (std::size_t s = 0; s < in.slots.size(); ++s) room[s] = in.slots[s].capacity;
  for (std::size_t r = 0; r < in.requests.size(); ++r) {
    for (const auto& cand : c.of[r]) {  // best first
      if (room[cand.slot] == 0) continue;
      --room[cand.slot];
      out.assignments.push_back(
          {static_cast<int>(r), cand.slot, cand.distance_m, cand.fit, in.requests[r].equity});
      break;
    }
  }
  add_unserved(in, c, out);
  add_totals(in, out);
  out.seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return out;
}

}  // namespace stemnet::matching
