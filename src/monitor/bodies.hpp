// monitor/bodies.hpp — what the target routes take, as typed structs read by
// http::body<T> (http/body.hpp); their shapes are the API document's, checked
// before a handler runs.
//
// Example:
//   STEMNET_TRY(auto in, http::body<TargetInput>(req));
//   svc.target_service().set(actor, id, in);
#pragma once

#include "http/body.hpp"
#include "monitor/targets.hpp"

#include <boost/describe/class.hpp>

namespace stemnet::monitor {

BOOST_DESCRIBE_STRUCT(TargetInput, (), (area, value, year, reason))
BOOST_DESCRIBE_STRUCT(TargetChange, (), (value, year, reason))
BOOST_DESCRIBE_STRUCT(TargetRetire, (), (reason))

}  // namespace stemnet::monitor
