#include "app/demo_data.hpp"

#include "geo/area_code.hpp"

namespace stemnet::app {
namespace {

const DemoProvider kFirst[] = {
    {"kraft@demo.stemnet.invalid", "Fossekraft AS (demo)", "company", "3116", "energy",
     "Besøk på vannkraftverket", "workplace_visit", "natural_science", 8, 10, 60, false},
    {"havbruk@demo.stemnet.invalid", "Nordhav Oppdrett AS (demo)", "company", "1820", "aquaculture",
     "Fra rogn til middag: en dag på merden", "workplace_visit", "biology", 5, 10, 80, false},
    {"kode@demo.stemnet.invalid", "Bergen Kodeverksted (demo)", "volunteer", "4601", "ict",
     "Programmer en robot på én skoletime", "school_visit", "technology_programming", 5, 10, 30,
     false},
    {"ingenior@demo.stemnet.invalid", "Trøndelag Ingeniørhus AS (demo)", "company", "5001",
     "construction", "Spør en ingeniør: digital spørretime", "digital_qa", "mathematics", 8, 13, 0,
     true},
    {"rom@demo.stemnet.invalid", "Arktisk Romsenter (demo)", "company", "5501", "research",
     "Virtuell omvisning på satellittstasjonen", "virtual_tour", "physics", 7, 13, 0, true},
    {"kjemi@demo.stemnet.invalid", "Agder Prosessindustri AS (demo)", "company", "4204",
     "manufacturing", "Ferdig opplegg: kjemi i hverdagen", "kit", "chemistry", 8, 10, 0, false},
};

const NationalProvider kNationalList[] = {
    {"oslomet", "Storby Tekniske Høgskole (demo)", "higher_education", "0301", "research"},
    {"oslovitensenter", "Oslo Realfagssenter (demo)", "science_centre", "0301", "research"},
    {"ingrid", "Ingrid Aas (demo)", "volunteer", "0301", "health", "Biomedisinsk ingeniør",
     "Rikshospitalet"},
    {"sarpsborgbio", "Glomma Bioraffineri AS (demo)", "company", "3105", "manufacturing"},
    {"fredrikstadkommune", "Fredrikstad kommune, vann og avløp (demo)", "municipality", "3107",
     "public_sector"},
    {"baerumtech", "Fornebu Programvare AS (demo)", "company", "3201", "ict"},
    {"askerlab", "Asker Vitensenter (demo)", "science_centre", "3203", "research"},
    {"lillestrombygg", "Romerike Bygg og Anlegg AS (demo)", "company", "3205", "construction"},
    {"drammenhavn", "Drammen Havnelogistikk AS (demo)", "company", "3301", "transport"},
    {"emil", "Emil Berg (demo)", "volunteer", "3301", "ict", "Student i informatikk",
     "Universitetet i Sørøst-Norge"},
    {"hamarkraft", "Mjøskraft AS (demo)", "company", "3403", "energy"},
    {"innlandetfag", "Innlandet Fagskole (demo)", "higher_education", "3405", "construction"},
    {"sandefjordhval", "Vestfold Marin Teknologi AS (demo)", "company", "3907", "aquaculture"},
    {"tonsbergkommune", "Tønsberg kommune, klima og miljø (demo)", "municipality", "3905",
     "public_sector"},
    {"porsgrunnkjemi", "Grenland Prosesskjemi AS (demo)", "company", "4001", "manufacturing"},
    {"skienvitensenter", "Telemark Vitensenter (demo)", "science_centre", "4003", "research"},
    {"arendalenergi", "Sørlandet Havvind AS (demo)", "company", "4203", "energy"},
    {"amira", "Amira Haddad (demo)", "volunteer", "4204", "manufacturing", "Prosessingeniør",
     "Agder Prosessindustri"},
    {"stavangerenergi", "Nordsjø Energi AS (demo)", "company", "1103", "oil_and_gas"},
    {"rogalanduni", "Rogaland Teknologiske Universitet (demo)", "higher_education", "1103",
     "research"},
    {"haugesundverft", "Haugaland Verft AS (demo)", "company", "1106", "manufacturing"},
    {"bergenhav", "Havforskningsstasjonen i Bergen (demo)", "higher_education", "4601", "research"},
    {"vossbonde", "Voss Smartlandbruk AS (demo)", "company", "4621", "other"},
    {"alesundmaritim", "Sunnmøre Maritim AS (demo)", "company", "1508", "transport"},
    {"moldekommune", "Molde kommune, teknisk drift (demo)", "municipality", "1506",
     "public_sector"},
    {"jonas", "Jonas Lie (demo)", "volunteer", "1505", "aquaculture", "Fiskehelsebiolog",
     "Kristiansund Havbruk"},
    {"trondheimrobot", "Midtnorsk Robotikk AS (demo)", "company", "5001", "ict"},
    {"trondheimvitensenter", "Trøndelag Vitensenter (demo)", "science_centre", "5001", "research"},
    {"steinkjerskog", "Innherred Skog og Tre AS (demo)", "company", "5006", "construction"},
    {"bodohelse", "Nordland Helseteknologi AS (demo)", "company", "1804", "health"},
    {"ranastal", "Helgeland Stålverk AS (demo)", "company", "1833", "manufacturing"},
    {"tromsoarktis", "Arktisk Universitetssenter (demo)", "higher_education", "5501", "research"},
    {"harstadforsvar", "Sør-Troms Teknikk AS (demo)", "company", "5503", "transport"},
    {"sara", "Sara Mienna (demo)", "volunteer", "5501", "research", "Polarforsker",
     "Norsk Polarinstitutt"},
    {"altakraft", "Finnmark Kraftlag (demo)", "company", "5601", "energy"},
    {"hammerfestgass", "Barents Gass AS (demo)", "company", "5603", "oil_and_gas"},
    {"altakommune", "Alta kommune, realfagsløftet (demo)", "municipality", "5601", "public_sector"},
};

const Theme kThemes[] = {
    {"energy", "fornybar energi", "physics", "NAT01-04"},
    {"aquaculture", "havbruk og fiskehelse", "biology", "NAT01-04"},
    {"ict", "programmering og kunstig intelligens", "technology_programming", "MAT01-05"},
    {"construction", "bruer, bygg og konstruksjon", "mathematics", "MAT01-05"},
    {"research", "forskning i felt og laboratorium", "natural_science", "NAT01-04"},
    {"manufacturing", "kjemi i industrien", "chemistry", "NAT01-04"},
    {"health", "teknologi i helsevesenet", "biology", "NAT01-04"},
    {"oil_and_gas", "energi fra havbunnen", "geosciences", "NAT01-04"},
    {"transport", "framtidens transport", "technology_programming", "MAT01-05"},
    {"public_sector", "vann, avløp og klima i kommunen", "natural_science", "NAT01-04"},
    {"finance", "matematikk i økonomien", "mathematics", "MAT01-05"},
    {"other", "realfag i hverdagen", "natural_science", "NAT01-04"},
};

// The formats in the order the national providers take them, two each.
const char* const kCycle[] = {"workplace_visit", "kit",  "school_visit",
                              "digital_qa",      "camp", "virtual_tour",
                              "role_model_talk"};

}  // namespace

std::span<const DemoProvider> first_providers() { return kFirst; }
std::span<const NationalProvider> national_providers() { return kNationalList; }
std::span<const char* const> format_cycle() { return kCycle; }

const Theme& theme_of(const std::string& sector) {
  for (const auto& t : kThemes) {
    if (sector == t.sector) return t;
  }
  return kThemes[11];
}

std::string title_for(const std::string& format, const std::string& theme,
                      const std::string& provider) {
  const std::string who = provider.substr(0, provider.find(" (demo)"));
  if (format == "workplace_visit") return "Besøk hos " + who + ": " + theme;
  if (format == "school_visit") return who + " kommer til klassen: " + theme;
  if (format == "digital_qa") return "Spør en fagperson om " + theme + " (digitalt)";
  if (format == "virtual_tour") return "Virtuell omvisning: " + theme;
  if (format == "role_model_talk") return "Rollemodell forteller: " + theme;
  if (format == "kit") return "Ferdig opplegg: " + theme;
  return "Realfagsleir: " + theme;
}

std::string demo_orgnr(int i) {
  for (int n = 900000000 + i * 1000;; ++n) {
    const std::string s = std::to_string(n);
    if (geo::is_organisation_number(s)) return s;
  }
}

}  // namespace stemnet::app
