// organisations/errors.hpp — every error a person can meet registering a
// provider, deciding on it and managing who belongs to an organisation or a
// school: named factories with stable codes ("organisations.*"), listed in
// api/openapi.yaml and given texts in ui/src/i18n/*/codes/organisations.ts.
//
// Example:
//   if (!geo::is_organisation_number(*in.orgnr)) return errors::orgnr_invalid(*in.orgnr);
//   // 400 validation.failed with one fault at /orgnr, code organisations.orgnr_invalid
#pragma once

#include "core/result.hpp"

#include <string>
#include <string_view>

namespace stemnet::organisations::errors {

// --- a provider's own data: faults at one member ---------------------------
Error kind_invalid();                                 // /kind
Error name_invalid(long long max);                    // /name {max}
Error orgnr_required();                               // /orgnr
Error orgnr_invalid(std::string_view orgnr);          // /orgnr
Error municipality_required();                        // /municipality
Error municipality_unknown(std::string_view number);  // /municipality {number}
Error sector_invalid(std::string_view sector);        // /sector
Error profile_too_long(long long max);                // /profile {max}
Error recruits_for_invalid();                         // /recruits_for
Error website_invalid();                              // /website
Error contact_email_invalid();                        // /contact/email
Error contact_phone_invalid();                        // /contact/phone
Error role_model_field_required();                    // /field (kind volunteer)
Error role_model_affiliation_required();              // /affiliation (kind volunteer)
// validation.too_long {max} at `pointer` (a contact's name, a field, ...).
Error text_too_long(std::string pointer, long long max);
Error reason_required();                // /reason: a rejection says why
Error email_required();                 // /email: whom to add
Error message_too_long(long long max);  // /message {max}, validation.too_long
// A list filter (query parameter) that is not one of `allowed`.
Error filter_invalid(std::string parameter, std::string allowed);
// The county filter is not a county number (2 digits).
Error county_filter_invalid();

// --- providers --------------------------------------------------------------
// 404 organisations.not_found: none, or one the asker may not see.
Error not_found(std::string_view id);
// 404 organisations.school_not_found.
Error school_not_found(std::string_view scope);
// 409 organisations.already_registered (param "orgnr").
Error already_registered();
// 403 organisations.members_only: only its members change its profile.
Error members_only();
// 403 organisations.deciders_only {county}: only the county's coordinators or an admin.
Error deciders_only(std::string_view county);
// 409 organisations.already_decided {status}.
Error already_decided(std::string_view status);

// --- people and roles ---------------------------------------------------------
// 403 organisations.people_hidden: only its own people see who they are.
Error people_hidden();
// 403 organisations.managers_only: adding, taking away and answering requests.
Error managers_only(std::string detail);
// 400 organisations.role_invalid {allowed} (param "role"; a body member or the
// query parameter of DELETE …/members/{person}).
Error role_invalid(bool school);
// 400 organisations.role_required: which role to take away (query "role").
Error role_required();
// 409 organisations.already_member {email, role}: adding someone who has the role.
Error already_member(std::string_view email, std::string_view role);
// 404 organisations.member_not_found {role}.
Error member_not_found(std::string_view role);
// 409 organisations.last_member: a provider keeps at least one member.
Error last_member();
// 409 organisations.already_joined {role}: asking for a role one has.
Error already_joined(std::string_view role);
// 409 organisations.already_asked.
Error already_asked();
// 404 organisations.join_request_not_found.
Error join_request_not_found(std::string_view id);
// 409, type "illegal-move", organisations.join_request_decided {state}.
Error join_request_decided(std::string_view state);

}  // namespace stemnet::organisations::errors
