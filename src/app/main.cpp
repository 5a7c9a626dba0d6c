// stemnet: one program, the server and its command-line tools.
#include "app/cli.hpp"

#include <cstdlib>
#include <ctime>

int main(int argc, char** argv) {
  // Bookings are in Norwegian local time: unless the operator says otherwise
  // (TZ), the process runs on Europe/Oslo, whatever the machine's zone.
  setenv("TZ", "Europe/Oslo", 0);
  tzset();
  return stemnet::app::run_cli(argc, argv);
}
