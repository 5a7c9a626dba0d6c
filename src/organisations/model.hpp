// organisations/model.hpp — the schools and providers people act for.
//
// Schools come from the registry (id "school:<orgnr>"). Providers register
// themselves: a company, a higher-education institution, a science centre, a
// municipality or a volunteer role model (a person without an organisation
// number, named with their field and employer or place of study); a
// coordinator of the provider's county approves it before its offers are
// visible. A provider's logo and pictures are media files of owner
// "organisation:<id>".
#pragma once

#include "media/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace stemnet::organisations {

inline constexpr const char* kProviderKinds[] = {"company", "higher_education", "science_centre",
                                                 "municipality", "volunteer"};
inline constexpr const char* kSectors[] = {
    "energy",      "manufacturing", "ict",           "construction", "health",  "oil_and_gas",
    "aquaculture", "transport",     "public_sector", "research",     "finance", "other"};
// What a provider recruits young people for, shown on its page and its county's.
inline constexpr const char* kRecruitsFor[] = {"jobs", "apprenticeships", "summer_jobs", "studies"};

// Whom teachers write to: chosen by the provider to be shown on its public page.
struct Contact {
  std::optional<std::string> name, title, email, phone;
  bool operator==(const Contact&) const = default;
};

struct Organisation {
  std::string id;
  std::string kind;  // school or one of kProviderKinds
  std::string name;
  std::optional<std::string> orgnr;
  std::optional<std::string> municipality_number;
  std::optional<std::string> county_number;  // of the municipality, on reads
  std::optional<std::string> sector;
  std::string profile;
  std::vector<std::string> recruits_for;
  Contact contact;
  std::optional<std::string> website;
  // A role model's field and employer or place of study (kind volunteer).
  std::optional<std::string> field, affiliation;
  std::string status;  // pending | approved | rejected
  std::string created_at;
  std::vector<media::File> files;  // its logo and pictures, on reads
};

struct ProviderInput {
  std::string kind, name;
  std::optional<std::string> orgnr, municipality, sector;
  std::string profile;
  std::vector<std::string> recruits_for;
  Contact contact;
  std::optional<std::string> website, field, affiliation;
};

}  // namespace stemnet::organisations
