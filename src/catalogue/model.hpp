// catalogue/model.hpp — offers schools can book, ready-made kits, slots.
#pragma once

#include "media/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stemnet::catalogue {

inline constexpr const char* kFormats[] = {
    "workplace_visit", "school_visit", "digital_qa", "virtual_tour",
    "role_model_talk", "kit",          "camp"};
// LK20 subjects, as ids.
inline constexpr const char* kSubjects[] = {
    "natural_science", "mathematics", "technology_programming",
    "physics",         "chemistry",   "biology",
    "geosciences",     "it",          "arts_crafts",
    "social_science",  "norwegian",   "english",
    "food_health",     "other"};

struct Kit {
  std::string before, during, after;  // text with links to files
};

inline constexpr int kMaxMaterials = 50;  // items in a kit's materials list
inline constexpr int kMaxMaterialCharacters = 200;
inline constexpr int kMaxCurriculum = 20;  // LK20 curriculum codes on one offer

struct Offer {
  std::string id, organisation_id, organisation_name;
  std::string title, description, format;
  std::vector<std::string> subjects, languages;
  int grade_min = 1, grade_max = 13;
  int capacity = 30;
  bool digital = false;
  std::optional<std::string> municipality_number;
  std::string address;
  int travel_radius_km = 0;
  int duration_minutes = 60;
  int cost_nok = 0;
  std::string preparation;
  bool on_request = false;
  Kit kit;
  std::vector<std::string> materials;   // what a class needs, one item each
  int preparation_minutes = 0;          // the teacher's preparation
  std::vector<std::string> curriculum;  // LK20 codes, "NAT01-04"
  std::vector<media::File> files;       // worksheets and pictures (media module)
  std::string status = "draft";         // draft | published | archived
  std::string created_at, updated_at;
  // On searches: how far from the school or municipality asked about (near=,
  // municipality=; the municipality's label point), and the offer's first
  // slot from now on with room left.
  std::optional<double> distance_km;
  std::optional<std::string> next_free;
};

struct Slot {
  std::string id, offer_id, starts_at, ends_at;
  int capacity = 1, booked = 0;
};

}  // namespace stemnet::catalogue
