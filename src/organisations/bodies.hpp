// organisations/bodies.hpp — what the organisations routes take, as typed
// structs read by http::body<T> (http/body.hpp). Their shapes and limits are
// the API document's (api/openapi.yaml), checked before a handler runs.
//
// Example:
//   STEMNET_TRY(auto in, http::body<JoinBody>(req));
//   members.ask_to_join(actor, id, in.role, in.message);
#pragma once

#include "http/body.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace stemnet::organisations {

// A provider's contact person, each member a merge patch.
struct ContactBody {
  http::Patch<std::string> name, title, email, phone;
};
BOOST_DESCRIBE_STRUCT(ContactBody, (), (name, title, email, phone))

// POST /organisations and PATCH /organisations/{id} (ProviderInput): a merge
// patch, where null clears a member.
struct ProviderBody {
  http::Patch<std::string> kind, name, orgnr, municipality, sector, profile, website, field,
      affiliation;
  http::Patch<std::vector<std::string>> recruits_for;
  http::Patch<ContactBody> contact;
};
BOOST_DESCRIBE_STRUCT(ProviderBody, (),
                      (kind, name, orgnr, municipality, sector, profile, website, field,
                       affiliation, recruits_for, contact))

// Approving or rejecting a provider or a join request; the reason is optional.
struct DecisionBody {
  std::optional<std::string> reason;
};
BOOST_DESCRIBE_STRUCT(DecisionBody, (), (reason))

// POST /organisations/{id}/members: a person by e-mail address, with a role.
struct NewMemberBody {
  std::string email, role;
};
BOOST_DESCRIBE_STRUCT(NewMemberBody, (), (email, role))

// POST /organisations/{id}/join.
struct JoinBody {
  std::string role, message;
};
BOOST_DESCRIBE_STRUCT(JoinBody, (), (role, message))

}  // namespace stemnet::organisations
