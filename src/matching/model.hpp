// matching/model.hpp — a matching round as plain data: requests (classes
// wanting something), slots (occasions with room), and what the solver made
// of them.
//
// Places are indexed (`place` into Instance::places) so that distances are
// computed once per pair of places: a school sits at its municipality's
// label point, an offer at its municipality's, so a national round has 357
// places however many requests and slots it holds.
#pragma once

#include "geo/point.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace stemnet::matching {

struct Request {
  std::string id;
  int place = 0;
  int grade = 0;
  std::vector<std::string> subjects;  // at least one
  std::vector<std::string> formats;   // welcome formats; empty: any
  std::vector<std::string> weeks;     // ISO weeks that suit, "2027-W12", earliest first
  bool digital_ok = false;
  int equity = 0;  // 0..100: how much the school's area lacks engagement (see rounds.hpp)
  bool low_engagement = false;  // its municipality is in the least-engaged quartile
};

struct Slot {
  std::string id, offer_id;
  int place = 0;  // where the offer is (unused when digital)
  bool digital = false;
  int radius_km = 0;  // how far the provider (or the class) will travel
  std::string format;
  std::vector<std::string> subjects;
  int grade_min = 1, grade_max = 13;
  std::string week;  // ISO week of the occasion
  int capacity = 1;  // classes it still has room for
};

struct Instance {
  std::vector<geo::Point> places;
  std::vector<Request> requests;
  std::vector<Slot> slots;
};

// How well a slot suits a request, 0..10: subjects 0..6 (share of the
// request's subjects the offer covers), week 0..2 (2 for the first wished
// week), grade 0..2 (2 for an offer aimed at at most 3 grades, 1 for at most
// 6).
struct Fit {
  int subject = 0, week = 0, grade = 0;
  int total() const { return subject + week + grade; }
};

struct Assignment {
  int request = 0, slot = 0;  // indices into the instance
  long distance_m = 0;        // 0 for digital
  Fit fit;
  int equity = 0;
};

// Why a request got nothing, the first of these that holds.
enum class Unserved {
  no_grade_fit,      // no slot is for its grade
  no_wished_week,    // none of those is in a wished week
  no_format,         // none of those is in a welcome format
  no_slot_in_reach,  // none of those is digital (and digital is fine) or within travel radius
  no_capacity,       // it had candidates, but their room went to others
};
const char* name(Unserved u);

struct Totals {
  int requests = 0, served = 0;
  int served_low_engagement = 0;  // served among requests from the least-engaged quartile
  int low_engagement = 0;         // requests from the least-engaged quartile
  std::int64_t equity = 0, fit = 0, travel_m = 0;
};

struct Solution {
  std::vector<Assignment> assignments;
  std::vector<std::pair<int, Unserved>> unserved;  // request index, why
  Totals totals;
  std::size_t arcs = 0;    // candidate pairs the model had
  long travel_unit_m = 1;  // travel counted in units of this many metres in the objective
  double seconds = 0;      // time to build and solve
};

}  // namespace stemnet::matching
