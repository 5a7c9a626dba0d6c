#include "notify/errors.hpp"

#include <string>

namespace stemnet::notify::errors {

Error unknown_kind(std::string_view kind) {
  const std::string k(kind);
  return Error::field("/" + k, "notify.unknown_kind", "no notification kind '" + k + "'",
                      {{"kind", k}});
}

Error always_on(std::string_view kind) {
  const std::string k(kind);
  return Error::field("/" + k, "notify.always_on",
                      "'" + k + "' mails keep your account safe: they stay on", {{"kind", k}});
}

Error not_a_choice(std::string_view kind) {
  return Error::field("/" + std::string(kind), "validation.wrong_type", "true or false",
                      {{"expected", std::string("boolean")}});
}

Error link_unknown() { return Error::not_found("this unsubscribe link is unknown or too old"); }

}  // namespace stemnet::notify::errors
