// registry/model.hpp — Norway's areas, schools and institutions as plain data.
//
// Names are kept as their publishers wrote them: a municipality with Sámi or
// Kven parallel names has `name` "Guovdageaidnu - Kautokeino" and
// `name_norwegian` "Kautokeino". Svalbard (2100) and Jan Mayen (2211) carry
// municipality numbers in public files but are not municipalities: they are
// kept with kind "territory" so that schools and postcodes there resolve.
#pragma once

#include "geo/point.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace stemnet::registry {

struct County {
  std::string number;  // "03"
  std::string name;
  std::string name_norwegian;
  std::optional<std::string> website;
  std::optional<std::int64_t> population;
  geo::Point label_point;
};

struct Municipality {
  std::string number;                 // "0301"
  std::string kind = "municipality";  // or "territory"
  std::string name;
  std::string name_norwegian;
  std::optional<std::string> county_number;
  std::optional<std::string> county_name;  // filled when read with its county
  std::optional<std::string> admin_centre;
  std::optional<std::int64_t> population;
  std::optional<double> area_km2;
  std::optional<std::string> written_language;  // "bokmal", "nynorsk", "neutral"
  std::optional<std::string> website;
  geo::Point label_point;
  std::int64_t school_count = 0;  // filled by the store on reads
};

// A level's boundaries as published: a county GeoJSON FeatureCollection or a
// municipality TopoJSON Topology; `codes` are the areas it draws.
struct Boundary {
  std::string level;   // county | municipality
  std::string format;  // geojson | topojson
  std::string body;    // the file's bytes
  std::string sha256;
  std::vector<std::string> codes;
};

struct Postcode {
  std::string code;  // "0150"
  std::string place;
  std::string municipality_number;
};

struct InstitutionSite {
  std::string municipality_number;
  std::string municipality_name;  // filled on reads
  geo::Point label_point;         // the municipality's, filled on reads
};

struct Institution {
  std::string id;    // stable slug
  std::string kind;  // "science_centre" or "higher_education"
  std::string name;
  std::optional<std::string> abbreviation;
  std::optional<std::string> category;
  std::optional<std::string> ownership;
  std::optional<std::string> note;
  std::optional<std::string> source_url;
  std::vector<InstitutionSite> sites;
};

struct SchoolGrade {
  int grade = 0;
  std::string school_year;                    // "2025-26"
  std::optional<std::int64_t> tested_pupils;  // NULL when suppressed in the source
};

struct School {
  std::string orgnr;
  std::string name;
  std::string municipality_number;
  std::string municipality_name;  // filled on reads
  std::optional<std::string> county_number;
  std::optional<std::string> county_name;  // filled on reads
  geo::Point location;
  std::string location_precision = "municipality";  // or "address"
  std::vector<SchoolGrade> grades;
};

// Parallel names as published, split on " - " ("Aurskog-Høland" is one name).
std::vector<std::string> parallel_names(const std::string& name);

}  // namespace stemnet::registry
