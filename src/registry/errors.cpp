#include "registry/errors.hpp"

namespace stemnet::registry::errors {
namespace {

std::string s(std::string_view v) { return std::string(v); }

}  // namespace

Error municipality_not_found(std::string_view number) {
  return Error::not_found("no municipality has number " + s(number))
      .coded("registry.municipality_not_found", {{"number", s(number)}});
}

Error school_not_found(std::string_view orgnr) {
  return Error::not_found("no school has organisation number " + s(orgnr))
      .coded("registry.school_not_found", {{"orgnr", s(orgnr)}});
}

Error boundaries_unknown(std::string_view level) {
  return Error::not_found("no boundaries '" + s(level) + "': there are counties and municipalities")
      .coded("registry.boundaries_unknown", {{"level", s(level)}});
}

Error boundaries_missing(std::string_view level) {
  return Error::not_found("no " + s(level) +
                          " boundaries yet: run 'stemnet import reference data/reference'")
      .coded("registry.boundaries_missing", {{"level", s(level)}});
}

Error municipality_number_invalid(std::string_view number) {
  return Error::invalid("number",
                        "a municipality number has 4 digits, such as 0301; got '" + s(number) + "'")
      .coded("registry.municipality_number_invalid", {{"number", s(number)}});
}

Error orgnr_invalid(std::string_view orgnr) {
  return Error::invalid(
             "orgnr",
             "an organisation number has 9 digits and a mod-11 check digit; got '" + s(orgnr) + "'")
      .coded("registry.orgnr_invalid", {{"orgnr", s(orgnr)}});
}

Error county_filter_invalid(std::string_view county) {
  return Error::query("county", "validation.bad_format",
                      "county must be a 2-digit county number such as 03, got '" + s(county) + "'");
}

Error municipality_filter_invalid(std::string_view municipality) {
  return Error::query(
      "municipality", "validation.bad_format",
      "municipality must be a 4-digit number such as 0301, got '" + s(municipality) + "'");
}

Error search_too_long(long long max) {
  return Error::query(
      "q", "validation.too_long",
      "q is longer than " + std::to_string(max) + " bytes; search for part of the name",
      {{"max", max}});
}

Error not_one_of(std::string parameter, std::string_view value, std::string allowed) {
  std::string detail = parameter + " must be one of " + allowed + ", got '" + s(value) + "'";
  return Error::query(std::move(parameter), "validation.not_allowed", std::move(detail),
                      {{"allowed", std::move(allowed)}});
}

Error county_not_found(std::string_view number) {
  return Error::not_found("no county has had number " + s(number) + " since 2017")
      .coded("registry.county_not_found", {{"number", s(number)}});
}

Error county_number_invalid(std::string_view number) {
  return Error::invalid("number",
                        "a county number has 2 digits, such as 03; got '" + s(number) + "'")
      .coded("registry.county_number_invalid", {{"number", s(number)}});
}

Error pseudo_area(std::string_view number, std::string_view meaning) {
  return Error::not_found(s(number) + " is " + s(meaning) + ", not an area")
      .coded("registry.pseudo_area", {{"number", s(number)}});
}

Error before_history(std::string_view on, int start) {
  return Error::query(
      "on", "registry.before_history",
      "the area history starts on " + std::to_string(start) + "-01-01; got " + s(on),
      {{"on", s(on)}, {"start", std::to_string(start) + "-01-01"}});
}

Error not_valid_on(std::string_view level, std::string_view number, std::string_view on,
                   const std::optional<std::string>& from, const std::optional<std::string>& to) {
  std::string detail = s(level) + " " + s(number) + " was not valid on " + s(on) + " (valid ";
  detail += from ? "from " + *from : "since before 2017";
  detail += to ? " to " + *to + ")" : ")";
  return Error::not_found(detail).coded("registry.not_valid_on", {{"level", s(level)},
                                                                  {"number", s(number)},
                                                                  {"on", s(on)},
                                                                  {"valid_from", from.value_or("")},
                                                                  {"valid_to", to.value_or("")}});
}

Error level_invalid() {
  return Error::invalid("level", "level is country, county, municipality or school");
}

}  // namespace stemnet::registry::errors
