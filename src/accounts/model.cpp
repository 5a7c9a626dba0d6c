#include "accounts/model.hpp"

#include <algorithm>

namespace stemnet::accounts {

bool Actor::has(const std::string& role, const std::string& scope) const {
  return std::any_of(roles.begin(), roles.end(),
                     [&](const Role& r) { return r.role == role && r.scope == scope; });
}

}  // namespace stemnet::accounts
