#include "catalogue/errors.hpp"

namespace stemnet::catalogue::errors {
namespace {

std::string s(std::string_view v) { return std::string(v); }

}  // namespace

Error offer_not_found(std::string_view id) {
  return Error::not_found("no offer '" + s(id) + "'")
      .coded("catalogue.offer_not_found", {{"offer", s(id)}});
}

Error provider_not_found(std::string_view provider) {
  return Error::not_found("no provider '" + s(provider) + "'")
      .coded("catalogue.provider_not_found", {{"provider", s(provider)}});
}

Error members_only(std::string_view provider) {
  return Error::forbidden("only the provider's members add and change its offers")
      .coded("catalogue.members_only", {{"provider", s(provider)}});
}

Error provider_not_approved() {
  return Error::conflict(
             "the provider is not approved yet: a coordinator approves it before its offers show")
      .coded("catalogue.provider_not_approved");
}

Error school_not_found(std::string_view school) {
  return Error::not_found("no school " + s(school))
      .coded("catalogue.school_not_found", {{"school", s(school)}});
}

Error municipality_not_found(std::string_view municipality) {
  return Error::not_found("no municipality " + s(municipality))
      .coded("catalogue.municipality_not_found", {{"municipality", s(municipality)}});
}

Error title_length() {
  return Error::field("/title", "catalogue.title_length", "a title has 1 to 200 characters",
                      {{"min", 1LL}, {"max", 200LL}});
}

Error description_length() {
  return Error::field("/description", "catalogue.description_length",
                      "a description has 1 to 10 000 characters", {{"min", 1LL}, {"max", 10000LL}});
}

Error unknown_format(std::string_view format) {
  return Error::field("/format", "catalogue.unknown_format", "unknown format '" + s(format) + "'",
                      {{"format", s(format)}});
}

Error subjects_required() {
  return Error::field("/subjects", "catalogue.subjects_required", "name at least one subject");
}

Error unknown_subject(std::size_t index, std::string_view subject) {
  return Error::field("/subjects/" + std::to_string(index), "catalogue.unknown_subject",
                      "unknown subject '" + s(subject) + "'", {{"subject", s(subject)}});
}

Error grades_invalid() {
  return Error::field("/grades", "catalogue.grades_invalid",
                      "grades run from 1 to 13, the first not above the last",
                      {{"min", 1LL}, {"max", 13LL}});
}

Error languages_required() {
  return Error::field("/languages", "catalogue.languages_required", "name at least one language");
}

Error capacity_out_of_range() {
  return Error::field("/capacity", "catalogue.capacity_out_of_range",
                      "capacity is 1 to 10 000 pupils", {{"min", 1LL}, {"max", 10000LL}});
}

Error municipality_required() {
  return Error::field("/municipality", "catalogue.municipality_required",
                      "an offer that is not digital needs its municipality");
}

Error materials_too_many(int max) {
  return Error::field("/materials", "catalogue.materials_too_many",
                      "at most " + std::to_string(max) + " materials",
                      {{"max", static_cast<long long>(max)}});
}

Error material_length(std::size_t index, int max) {
  return Error::field("/materials/" + std::to_string(index), "catalogue.material_length",
                      "a material has 1 to " + std::to_string(max) + " characters",
                      {{"min", 1LL}, {"max", static_cast<long long>(max)}});
}

Error preparation_out_of_range() {
  return Error::field("/preparation_minutes", "catalogue.preparation_out_of_range",
                      "0 to 10080 minutes", {{"min", 0LL}, {"max", 10080LL}});
}

Error curriculum_too_many(int max) {
  return Error::field("/curriculum", "catalogue.curriculum_too_many",
                      "at most " + std::to_string(max) + " curriculum codes",
                      {{"max", static_cast<long long>(max)}});
}

Error curriculum_code_invalid(std::size_t index, std::string_view code) {
  return Error::field("/curriculum/" + std::to_string(index), "catalogue.curriculum_code_invalid",
                      "'" + s(code) + "' is not an LK20 curriculum code such as NAT01-04",
                      {{"code", s(code)}});
}

Error municipality_unknown(std::string_view municipality) {
  return Error::field("/municipality", "catalogue.municipality_unknown",
                      "no municipality " + s(municipality) + " in the registry",
                      {{"municipality", s(municipality)}});
}

Error travel_radius_out_of_range() {
  return Error::field("/travel_radius_km", "catalogue.travel_radius_out_of_range", "0 to 2000 km",
                      {{"min", 0LL}, {"max", 2000LL}});
}

Error duration_out_of_range() {
  return Error::field("/duration_minutes", "catalogue.duration_out_of_range",
                      "a duration is 1 minute to 14 days", {{"min", 1LL}, {"max", 20160LL}});
}

Error cost_negative() {
  return Error::field("/cost_nok", "catalogue.cost_negative", "a cost is 0 or more");
}

Error slot_ends_before_start() {
  return Error::field("/ends_at", "catalogue.slot_ends_before_start",
                      "a slot ends after it starts");
}

Error slot_capacity_out_of_range() {
  return Error::field("/capacity", "catalogue.slot_capacity_out_of_range",
                      "1 to 100 classes per slot", {{"min", 1LL}, {"max", 100LL}});
}

Error unknown_format_query(std::string_view format) {
  return Error::query("format", "catalogue.unknown_format", "unknown format '" + s(format) + "'",
                      {{"format", s(format)}});
}

Error unknown_subject_query(std::string_view subject) {
  return Error::query("subject", "catalogue.unknown_subject",
                      "unknown subject '" + s(subject) + "'", {{"subject", s(subject)}});
}

Error grade_query_out_of_range() {
  return Error::query("grade", "catalogue.grade_out_of_range", "a grade is a number from 1 to 13",
                      {{"min", 1LL}, {"max", 13LL}});
}

Error municipality_query_invalid(std::string_view municipality) {
  return Error::query("municipality", "catalogue.municipality_invalid",
                      "a municipality has 4 digits", {{"municipality", s(municipality)}});
}

Error county_query_invalid(std::string_view county) {
  return Error::query("county", "catalogue.county_invalid", "a county has 2 digits",
                      {{"county", s(county)}});
}

Error near_query_invalid(std::string_view near) {
  return Error::query("near", "catalogue.near_invalid", "near is a school's orgnr",
                      {{"near", s(near)}});
}

Error digital_query_invalid(std::string_view digital) {
  return Error::query("digital", "catalogue.digital_invalid", "digital is true or false",
                      {{"digital", s(digital)}});
}

Error cursor_invalid() {
  return Error::query("cursor", "catalogue.cursor_invalid",
                      "cursor is not one this server gave out");
}

}  // namespace stemnet::catalogue::errors
