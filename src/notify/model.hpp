// notify/model.hpp — the kinds of notification, and a mail in the outbox.
//
// Each kind says whether one may opt out of it and whether it is on until
// one chooses. Security mails (a password reset) cannot be turned off and
// carry no unsubscribe link; every other mail has one.
#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace stemnet::notify {

struct Kind {
  std::string_view id;
  bool optional;    // may be turned off (and has an unsubscribe link)
  bool default_on;  // on until the person chooses
};

// The kinds, in the order settings pages show them.
std::span<const Kind> kinds();
// The kind with this id, if there is one.
const Kind* find_kind(std::string_view id);

// Values a template fills in: {offer}, {school}, {link}, ...
using Params = std::map<std::string, std::string>;

struct Mail {
  std::string id, person_id, kind, to, language, subject, body;
  std::optional<std::string> unsubscribe_url;  // the one-click link, if one may opt out
  std::string created_at;
  int attempts = 0;
};

struct Preference {
  std::string kind;
  bool enabled = true;
  bool optional = true;
};

}  // namespace stemnet::notify
