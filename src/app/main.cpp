// stemnet: one program, the server and its command-line tools.
#include "app/cli.hpp"

int main(int argc, char** argv) { return stemnet::app::run_cli(argc, argv); }
