// accounts/model.hpp — people, the roles they hold, and the actor of a request.
//
// Roles are held per scope: teacher and school_contact for a school
// organisation ("school:<orgnr>"), provider_member for a provider
// organisation, coordinator for a county ("46"), admin for the country
// ("NO"). A person may hold several.
#pragma once

#include <string>
#include <vector>

namespace stemnet::accounts {

struct Role {
  std::string role;   // teacher | school_contact | provider_member | coordinator | admin
  std::string scope;  // organisation id, county number, or "NO"
  bool operator==(const Role&) const = default;
};

struct Person {
  std::string id, email, name, language, created_at;
};

// Who is making a request, as the session says.
struct Actor {
  Person person;
  std::vector<Role> roles;
  std::string csrf_token;  // must come back in X-CSRF-Token on state changes

  bool has(const std::string& role, const std::string& scope) const;
  bool is_admin() const { return has("admin", "NO"); }
  // A teacher or contact of the school with this organisation number: who
  // acts for the school in its requests.
  bool acts_for_school(const std::string& orgnr) const {
    return has("teacher", "school:" + orgnr) || has("school_contact", "school:" + orgnr);
  }
  // A coordinator of this county, or an admin.
  bool coordinates(const std::string& county) const {
    return is_admin() || has("coordinator", county);
  }
};

}  // namespace stemnet::accounts
