// notify/errors.hpp — the errors a person can meet choosing their mail:
// named factories with stable codes ("notify.*"), listed in api/openapi.yaml
// and given texts in ui/src/i18n/*/codes/notify.ts.
//
// Example (PATCH /api/v1/me/notifications {"booking_news": false}):
//   if (!find_kind(kind)) return errors::unknown_kind(kind);  // fault at /booking_news
#pragma once

#include "core/result.hpp"

#include <string_view>

namespace stemnet::notify::errors {

// The body names no notification kind: fault at /<kind>, notify.unknown_kind {kind}.
Error unknown_kind(std::string_view kind);
// A mail that keeps the account safe cannot be turned off: fault at /<kind>,
// notify.always_on {kind}.
Error always_on(std::string_view kind);
// A choice that is not true or false: fault at /<kind>, validation.wrong_type
// {expected: boolean}, like the edge's own check.
Error not_a_choice(std::string_view kind);
// An unsubscribe link no mail carries (answered as a page of its own, not as
// a problem).
Error link_unknown();

}  // namespace stemnet::notify::errors
