#include "organisations/errors.hpp"

namespace stemnet::organisations::errors {
namespace {

std::string s(std::string_view v) { return std::string(v); }

}  // namespace

Error kind_invalid() {
  return Error::field(
      "/kind", "organisations.kind_invalid",
      "kind is company, higher_education, science_centre, municipality or volunteer");
}

Error name_invalid(long long max) {
  return Error::field("/name", "organisations.name_invalid",
                      "a name has 1 to " + std::to_string(max) + " characters", {{"max", max}});
}

Error orgnr_required() {
  return Error::field("/orgnr", "organisations.orgnr_required",
                      "an organisation number is required (all but volunteers have one)");
}

Error orgnr_invalid(std::string_view orgnr) {
  return Error::field("/orgnr", "organisations.orgnr_invalid",
                      "not a valid organisation number (9 digits, mod 11): '" + s(orgnr) + "'");
}

Error municipality_required() {
  return Error::field("/municipality", "organisations.municipality_required",
                      "the municipality number (4 digits) is required");
}

Error municipality_unknown(std::string_view number) {
  return Error::field("/municipality", "organisations.municipality_unknown",
                      "no municipality has number " + s(number), {{"number", s(number)}});
}

Error sector_invalid(std::string_view sector) {
  return Error::field("/sector", "organisations.sector_invalid",
                      "unknown sector '" + s(sector) + "'");
}

Error profile_too_long(long long max) {
  return Error::field("/profile", "organisations.profile_too_long",
                      "a profile has at most " + std::to_string(max) + " characters",
                      {{"max", max}});
}

Error recruits_for_invalid() {
  return Error::field("/recruits_for", "organisations.recruits_for_invalid",
                      "recruits_for is a list of jobs, apprenticeships, summer_jobs or studies");
}

Error website_invalid() {
  return Error::field("/website", "organisations.website_invalid",
                      "a web site's address begins with https://");
}

Error contact_email_invalid() {
  return Error::field("/contact/email", "organisations.contact_email_invalid",
                      "not an e-mail address");
}

Error contact_phone_invalid() {
  return Error::field("/contact/phone", "organisations.contact_phone_invalid",
                      "a telephone number has 8 to 15 digits, with an optional + first");
}

Error role_model_field_required() {
  return Error::field("/field", "organisations.field_required",
                      "a role model says what they work with or study");
}

Error role_model_affiliation_required() {
  return Error::field("/affiliation", "organisations.affiliation_required",
                      "a role model names their employer or place of study");
}

Error text_too_long(std::string pointer, long long max) {
  return Error::field(std::move(pointer), "validation.too_long",
                      "at most " + std::to_string(max) + " characters", {{"max", max}});
}

Error reason_required() {
  return Error::field("/reason", "organisations.reason_required", "say why, for the one who asked");
}

Error email_required() {
  return Error::field("/email", "validation.missing", "whom to add: their e-mail address");
}

Error message_too_long(long long max) {
  return Error::field("/message", "validation.too_long",
                      "at most " + std::to_string(max) + " characters", {{"max", max}});
}

Error filter_invalid(std::string parameter, std::string allowed) {
  std::string detail = parameter + " is one of " + allowed;
  return Error::query(std::move(parameter), "validation.not_allowed", std::move(detail),
                      {{"allowed", std::move(allowed)}});
}

Error county_filter_invalid() {
  return Error::query("county", "validation.bad_format", "a county has 2 digits");
}

Error not_found(std::string_view id) {
  return Error::not_found("no organisation '" + s(id) + "'").coded("organisations.not_found");
}

Error school_not_found(std::string_view scope) {
  return Error::not_found("no school '" + s(scope) + "'").coded("organisations.school_not_found");
}

Error already_registered() {
  Error e =
      Error::conflict("this organisation is registered already; ask one of its members to add you");
  e.param = "orgnr";
  return std::move(e).coded("organisations.already_registered");
}

Error members_only() {
  return Error::forbidden("only the organisation's members change its profile")
      .coded("organisations.members_only");
}

Error deciders_only(std::string_view county) {
  const std::string c = county.empty() ? std::string("its county") : s(county);
  return Error::forbidden("only a coordinator of " + c + " or an admin approves this provider")
      .coded("organisations.deciders_only", {{"county", s(county)}});
}

Error already_decided(std::string_view status) {
  return Error::conflict("the provider is " + s(status) + " already; only a pending one is decided")
      .coded("organisations.already_decided", {{"status", s(status)}});
}

Error people_hidden() {
  return Error::forbidden("only its own people see who they are")
      .coded("organisations.people_hidden");
}

Error managers_only(std::string detail) {
  return Error::forbidden(std::move(detail)).coded("organisations.managers_only");
}

Error role_invalid(bool school) {
  const std::string allowed = school ? "teacher, school_contact" : "provider_member";
  return Error::invalid("role", (school ? "at a school: " : "at a provider: ") + allowed)
      .coded("organisations.role_invalid", {{"allowed", allowed}});
}

Error role_required() {
  return Error::query("role", "validation.missing", "which role to take away");
}

Error already_member(std::string_view email, std::string_view role) {
  return Error::conflict(s(email) + " is " + s(role) + " there already")
      .coded("organisations.already_member", {{"email", s(email)}, {"role", s(role)}});
}

Error member_not_found(std::string_view role) {
  return Error::not_found("that person is not " + s(role) + " there")
      .coded("organisations.member_not_found", {{"role", s(role)}});
}

Error last_member() {
  return Error::conflict("a provider keeps at least one member: add another first")
      .coded("organisations.last_member");
}

Error already_joined(std::string_view role) {
  return Error::conflict("you are " + s(role) + " there already")
      .coded("organisations.already_joined", {{"role", s(role)}});
}

Error already_asked() {
  return Error::conflict("you have asked already; wait for an answer")
      .coded("organisations.already_asked");
}

Error join_request_not_found(std::string_view id) {
  return Error::not_found("no request to join '" + s(id) + "'")
      .coded("organisations.join_request_not_found");
}

Error join_request_decided(std::string_view state) {
  Error e = Error::conflict("the request is " + s(state) + " already");
  e.type = "illegal-move";
  return std::move(e).coded("organisations.join_request_decided", {{"state", s(state)}});
}

}  // namespace stemnet::organisations::errors
