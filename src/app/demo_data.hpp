// app/demo_data.hpp — who and what `stemnet demo seed` makes: the
// fictitious providers (the first six, whom the guides and browser tests know,
// then the rest of the country), the theme of each sector's offers, and the
// made-up organisation numbers. demo.cpp turns them into data through the
// services.
//
// Example:
//   for (const auto& p : first_providers()) { ... p.title, p.format ... }
//   title_for("kit", theme_of("energy").theme, "Mjøskraft AS (demo)")
//     == "Ferdig opplegg: fornybar energi"
#pragma once

#include <span>
#include <string>

namespace stemnet::app {

// The first providers, each with the offer the guides describe.
struct DemoProvider {
  const char* email;
  const char* name;
  const char* kind;
  const char* municipality;
  const char* sector;
  const char* title;
  const char* format;
  const char* subject;
  int grade_min, grade_max, radius;
  bool digital;
};

// The rest of the country: at least two providers in every county, of every
// kind. Role models (volunteer) are people: their field and where they work
// or study.
struct NationalProvider {
  const char* key;  // the e-mail's local part
  const char* name;
  const char* kind;
  const char* municipality;
  const char* sector;
  const char* field = "";        // a role model's
  const char* affiliation = "";  // a role model's
};

// What a sector's offers are about, and their subject.
struct Theme {
  const char* sector;
  const char* theme;
  const char* subject;
  const char* curriculum;
};

std::span<const DemoProvider> first_providers();
std::span<const NationalProvider> national_providers();
// A sector's theme ("other"'s for a sector without one).
const Theme& theme_of(const std::string& sector);
// The formats in the order the national providers take them, two each.
std::span<const char* const> format_cycle();
// An offer's title by its format and theme.
std::string title_for(const std::string& format, const std::string& theme,
                      const std::string& provider);
// Fictitious organisation numbers that pass the mod-11 check.
std::string demo_orgnr(int i);

}  // namespace stemnet::app
