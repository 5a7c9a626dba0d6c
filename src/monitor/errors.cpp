#include "monitor/errors.hpp"

namespace stemnet::monitor::errors {
namespace {

std::string s(std::string_view v) { return std::string(v); }

}  // namespace

Error indicator_not_found(std::string_view id) {
  return Error::not_found("no indicator has id '" + s(id) + "'")
      .coded("monitor.indicator_not_found", {{"id", s(id)}});
}

Error area_not_found(std::string_view level, std::string_view code) {
  return Error::not_found("no " + s(level) + " has code " + s(code))
      .coded("monitor.area_not_found", {{"level", s(level)}, {"code", s(code)}});
}

Error profile_area_invalid(std::string_view code) {
  return Error::invalid("code",
                        "a profile is for a municipality (0301, K-0301) or a county (03, F-03), "
                        "not '" +
                            s(code) + "'")
      .coded("monitor.profile_area_invalid", {{"code", s(code)}});
}

Error jsonstat_empty() {
  return Error::invalid("body", "send the JSON-stat document as the request body")
      .coded("monitor.jsonstat_empty");
}

Error area_invalid(std::string_view area) {
  return Error::query("area", "monitor.area_invalid",
                      "'" + s(area) + "' is not a country, county, municipality or school code",
                      {{"area", s(area)}});
}

Error area_level_mismatch(std::string_view area, std::string_view area_level,
                          std::string_view level) {
  return Error::query("area", "monitor.area_level_mismatch",
                      "area " + s(area) + " is a " + s(area_level) + ", not a " + s(level),
                      {{"area", s(area)}, {"area_level", s(area_level)}, {"level", s(level)}});
}

Error breakdown_unknown(std::string_view indicator, std::string parameter) {
  std::string detail = "indicator " + s(indicator) + " has no breakdown '" + parameter + "'";
  return Error::query(std::move(parameter), "monitor.breakdown_unknown", std::move(detail),
                      {{"indicator", s(indicator)}});
}

Error parameter_empty(std::string parameter) {
  std::string detail = "query parameter '" + parameter + "' is empty";
  return Error::query(std::move(parameter), "monitor.parameter_empty", std::move(detail));
}

Error parameter_repeated(std::string parameter) {
  std::string detail = "query parameter '" + parameter + "' is given twice";
  return Error::query(std::move(parameter), "validation.repeated_parameter", std::move(detail));
}

Error not_one_of(std::string parameter, std::string_view value, std::string allowed) {
  std::string detail = parameter + " is one of " + allowed + "; not '" + s(value) + "'";
  return Error::query(std::move(parameter), "validation.not_allowed", std::move(detail),
                      {{"allowed", std::move(allowed)}});
}

Error target_not_found(std::string_view id) {
  return Error::not_found("no target has id '" + s(id) + "'")
      .coded("monitor.target_not_found", {{"id", s(id)}});
}

Error target_ended(std::string_view how) {
  return Error::conflict("this target was " + s(how) + " already: act on the current one")
      .coded("monitor.target_ended", {{"how", s(how)}});
}

Error targets_coordinators_only(std::string_view area) {
  return Error::forbidden(area.empty() ? "only an admin sets a target for all areas"
                                       : "only a coordinator of the county of " + s(area) +
                                             " (or an admin) sets its targets")
      .coded("monitor.targets_coordinators_only", {{"area", s(area)}});
}

Error target_neutral(std::string_view indicator) {
  return Error::invalid("indicator", s(indicator) +
                                         " is neutral (neither higher nor lower is better): it "
                                         "takes no target")
      .coded("monitor.target_neutral", {{"indicator", s(indicator)}});
}

Error target_area_invalid(std::string_view area, std::string detail) {
  return Error::field("/area", "monitor.target_area_invalid", std::move(detail),
                      {{"area", s(area)}});
}

Error target_level_missing(std::string_view indicator, std::string_view level) {
  return Error::field("/area", "monitor.target_level_missing",
                      s(indicator) + " has no figures at " + s(level) + " level",
                      {{"indicator", s(indicator)}, {"level", s(level)}});
}

Error target_year_invalid() {
  return Error::field("/year", "monitor.target_year_invalid", "a target year is from 2000 to 2100");
}

Error target_reason_missing() {
  return Error::field("/reason", "monitor.target_reason_missing",
                      "say why: the decision or plan the target comes from");
}

}  // namespace stemnet::monitor::errors
