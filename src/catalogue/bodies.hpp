// catalogue/bodies.hpp — what the catalogue routes take, as typed structs read
// by http::body<T> (http/body.hpp); their shapes and limits are the API
// document's (OfferInput, OfferPatch, SlotInput), checked before a handler runs.
//
// Example:
//   STEMNET_TRY(auto in, http::body<SlotBody>(req));
//   svc.add_slot(actor, id, Slot{.starts_at = in.starts_at, ...});
#pragma once

#include "http/body.hpp"

#include <boost/describe/class.hpp>

#include <optional>
#include <string>
#include <vector>

namespace stemnet::catalogue {

// An offer's grades, 1 to 13; a member left out keeps its value.
struct GradesBody {
  http::Patch<int> min, max;
};
BOOST_DESCRIBE_STRUCT(GradesBody, (), (min, max))

// A kit's before / during / after texts.
struct KitBody {
  http::Patch<std::string> before, during, after;
};
BOOST_DESCRIBE_STRUCT(KitBody, (), (before, during, after))

// POST /offers (with organisation_id) and PATCH /offers/{id}: a merge patch,
// where a member left out keeps its value.
struct OfferBody {
  http::Patch<std::string> organisation_id, title, description, format, municipality, address,
      preparation;
  http::Patch<std::vector<std::string>> subjects, languages, materials, curriculum;
  std::optional<GradesBody> grades;
  http::Patch<int> capacity, travel_radius_km, duration_minutes, cost_nok, preparation_minutes;
  http::Patch<bool> digital, on_request;
  std::optional<KitBody> kit;
};
BOOST_DESCRIBE_STRUCT(OfferBody, (),
                      (organisation_id, title, description, format, municipality, address,
                       preparation, subjects, languages, materials, curriculum, grades, capacity,
                       travel_radius_km, duration_minutes, cost_nok, preparation_minutes, digital,
                       on_request, kit))

// POST /offers/{id}/slots.
struct SlotBody {
  std::string starts_at, ends_at;
  int capacity = 1;
};
BOOST_DESCRIBE_STRUCT(SlotBody, (), (starts_at, ends_at, capacity))

}  // namespace stemnet::catalogue
