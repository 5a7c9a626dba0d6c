#include "notify/model.hpp"

#include <array>

namespace stemnet::notify {
namespace {

constexpr std::array<Kind, 8> kKinds = {{
    {"request_new", true, true},            // a school asks for one's offer
    {"request_update", true, true},         // the other side moved a request
    {"request_message", true, true},        // a new message in a request's thread
    {"open_request_new", true, true},       // an open request in one's region (coordinators)
    {"open_request_answer", true, true},    // a provider or coordinator answered one's open request
    {"organisation_decision", true, true},  // one's organisation was approved or rejected
    {"membership", true, true},             // roles: someone asks to join, one was let in or out
    {"password_reset", false, true},        // security: cannot be turned off
}};

}  // namespace

std::span<const Kind> kinds() { return kKinds; }

const Kind* find_kind(std::string_view id) {
  for (const auto& k : kKinds) {
    if (k.id == id) return &k;
  }
  return nullptr;
}

}  // namespace stemnet::notify
