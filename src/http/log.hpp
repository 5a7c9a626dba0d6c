// http/log.hpp — what of a request may be written to a log.
//
// A few request targets carry a credential: the calendar feed's token
// (/api/v1/calendar/{token}.ics), the one-click unsubscribe token
// (/api/v1/unsubscribe/{token}) and the reset code in the link of the reset
// mail (/nytt-passord?kode=...). Whoever reads the log must not be able to
// use them, so a log line gets the target with them replaced.
// Example:
//   std::cerr << loggable_target(req);   // "/api/v1/calendar/[redacted]"
#pragma once

#include "http/message.hpp"

#include <string>

namespace stemnet::http {

// The request's target with the path after /calendar/ or /unsubscribe/
// (matched on the percent-decoded path) and the values of the query
// parameters kode, code and token replaced by "[redacted]". Never fails.
std::string loggable_target(const Request& req);

}  // namespace stemnet::http
