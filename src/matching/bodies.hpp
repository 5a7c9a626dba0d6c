// matching/bodies.hpp — what the matching routes take, as typed structs read
// by http::body<T> (http/body.hpp); their shapes are the API document's,
// checked before a handler runs.
//
// Example:
//   STEMNET_TRY(auto in, http::body<RoundInput>(req));
//   rounds.create(actor, in);
#pragma once

#include "http/body.hpp"
#include "matching/rounds.hpp"

#include <boost/describe/class.hpp>

namespace stemnet::matching {

// POST /rounds: a region and a period.
BOOST_DESCRIBE_STRUCT(RoundInput, (), (region, from, to))

}  // namespace stemnet::matching
