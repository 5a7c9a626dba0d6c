// app/serve.hpp — wiring the modules into one HTTP server.
#pragma once

#include "app/config.hpp"

namespace stemnet::app {

// Opens the database, adds every module's routes and the operations
// endpoints (/healthz, /readyz, /metrics), and serves until SIGINT/SIGTERM.
// Returns the process exit code.
int serve(const Config& config);

}  // namespace stemnet::app
