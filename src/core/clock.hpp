// core/clock.hpp — wall-clock time as the database and the API write it.
#pragma once

#include <string>

namespace stemnet {

// The current UTC time as ISO 8601 with seconds, e.g. "2026-11-23T23:36:32Z".
std::string utc_now_iso();
// The same with milliseconds, e.g. "2026-11-23T23:36:32.125Z", where order
// within a second matters.
std::string utc_now_iso_ms();

}  // namespace stemnet
