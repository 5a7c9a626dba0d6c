// organisations/model.hpp — the schools and providers people act for.
//
// Schools come from the registry (id "school:<orgnr>"). Providers register
// themselves: a company, a higher-education institution, a science centre, a
// municipality or a volunteer role model; a coordinator of the provider's
// county approves it before its offers are visible.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace stemnet::organisations {

inline constexpr const char* kProviderKinds[] = {"company", "higher_education", "science_centre",
                                                 "municipality", "volunteer"};
inline constexpr const char* kSectors[] = {
    "energy",      "manufacturing", "ict",           "construction", "health",  "oil_and_gas",
    "aquaculture", "transport",     "public_sector", "research",     "finance", "other"};
inline constexpr const char* kShows[] = {"careers", "apprenticeships", "recruitment"};

struct Organisation {
  std::string id;
  std::string kind;  // school or one of kProviderKinds
  std::string name;
  std::optional<std::string> orgnr;
  std::optional<std::string> municipality_number;
  std::optional<std::string> county_number;  // of the municipality, on reads
  std::optional<std::string> sector;
  std::string profile;
  std::vector<std::string> shows;
  std::optional<std::string> logo_url;
  std::string status;  // pending | approved | rejected
  std::string created_at;
};

struct ProviderInput {
  std::string kind, name;
  std::optional<std::string> orgnr, municipality, sector, logo_url;
  std::string profile;
  std::vector<std::string> shows;
};

}  // namespace stemnet::organisations
