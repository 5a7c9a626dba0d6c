#include "matching/errors.hpp"

#include <string>

namespace stemnet::matching::errors {
namespace {

std::string s(std::string_view v) { return std::string(v); }

Error typed(Error e, std::string type) {
  e.type = std::move(type);
  return e;
}

}  // namespace

Error round_not_found(std::string_view id) {
  return Error::not_found("no round '" + s(id) + "'").coded("matching.round_not_found");
}

Error coordinators_only(std::string_view region) {
  return Error::forbidden(region == "NO" ? "only an admin runs a national round"
                                         : "only a coordinator of county " + s(region) +
                                               " (or an admin) runs its rounds")
      .coded("matching.coordinators_only", {{"region", s(region)}});
}

Error round_accepted() {
  return typed(Error::conflict("the round is accepted: open a new round for what is left")
                   .coded("matching.round_accepted"),
               "illegal-move");
}

Error round_not_solved() {
  return typed(Error::conflict("solve the round first").coded("matching.round_not_solved"),
               "illegal-move");
}

Error request_no_longer_open(std::string_view open_request) {
  return typed(Error::conflict("open request " + s(open_request) +
                               " is no longer open: solve the round again")
                   .coded("matching.request_no_longer_open", {{"open_request", s(open_request)}}),
               "round-stale");
}

Error slot_filled(std::string_view slot) {
  return typed(Error::conflict("slot " + s(slot) + " is full now: solve the round again")
                   .coded("matching.slot_filled", {{"slot", s(slot)}}),
               "round-stale");
}

Error region_invalid(std::string_view region) {
  return Error::field("/region", "matching.region_invalid",
                      "a county number, or NO for the whole country", {{"region", s(region)}});
}

Error county_not_found(std::string_view region) {
  return Error::field("/region", "matching.county_not_found", "no county " + s(region),
                      {{"region", s(region)}});
}

Error period_reversed() {
  return Error::field("/to", "matching.period_reversed",
                      "the period must end on or after its first day");
}

Error period_ended() {
  return Error::field("/to", "matching.period_ended", "the period has ended");
}

Error level_invalid(std::string_view level) {
  return Error::query("level", "matching.level_invalid", "municipality or county",
                      {{"level", s(level)}});
}

Error period_invalid() {
  return Error::query("period", "matching.period_invalid", "a year, such as 2026",
                      {{"min", 2000LL}, {"max", 2100LL}});
}

}  // namespace stemnet::matching::errors
