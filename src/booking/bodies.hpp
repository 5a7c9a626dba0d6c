// booking/bodies.hpp — what the booking and open-request routes take, as
// typed structs read by http::body<T> (http/body.hpp); their shapes and
// limits are the API document's, checked before a handler runs.
//
// Example:
//   STEMNET_TRY(auto in, http::body<NewRequest>(req));
//   svc.create(actor, in);
#pragma once

#include "booking/open_request.hpp"
#include "booking/service.hpp"
#include "http/body.hpp"

#include <boost/describe/class.hpp>

#include <string>

namespace stemnet::booking {

// POST /requests. Only these members come from the body: `brokered_for` is
// set by a matching round and never read from a request.
BOOST_DESCRIBE_STRUCT(NewRequest, (), (offer_id, school, grade, pupils, wished, message, slot_id))

// POST /requests/{id}/{move}: each move reads the members it needs.
BOOST_DESCRIBE_STRUCT(MoveInput, (),
                      (slot_id, time, reason, score, comment, pupils_reached, girls, boys))

// POST /requests/{id}/messages.
struct MessageBody {
  std::string body;
};
BOOST_DESCRIBE_STRUCT(MessageBody, (), (body))

// POST /open-requests.
BOOST_DESCRIBE_STRUCT(NewOpenRequest, (),
                      (school, grade, pupils, subjects, formats, weeks, digital_ok, note))

// POST /open-requests/{id}/answers.
BOOST_DESCRIBE_STRUCT(AnswerInput, (), (body, offer_id, slot_id, organisation_id))

// POST /open-requests/{id}/take.
struct TakeBody {
  std::string answer_id;
};
BOOST_DESCRIBE_STRUCT(TakeBody, (), (answer_id))

}  // namespace stemnet::booking
