// server_process.hpp — the real `stemnet` binary, for API tests: a temporary
// database with the reference data, a server on a random port, and CLI runs.
#pragma once

#include <string>
#include <vector>

namespace stemnet::testing {

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout and stderr together
};

// Runs the stemnet binary with arguments; waits for it.
CommandResult run_stemnet(const std::vector<std::string>& args);

class ServerProcess {
 public:
  // Starts `stemnet serve --db DB_URL --port 0 --bind 127.0.0.1` and waits
  // for its "listening" line. port() is 0 if it did not start.
  // API tests sign many people up from one address: unless `extra` sets
  // them, the sign-up and reset limits are raised out of the way.
  // `open_files` > 0 sets the server's RLIMIT_NOFILE.
  explicit ServerProcess(const std::string& db_url, const std::vector<std::string>& extra = {},
                         long open_files = 0);
  ~ServerProcess();
  int port() const { return port_; }
  int pid() const { return pid_; }
  // Sends a signal and waits for the process; returns its exit code (or
  // 128 + signal when killed), and what it printed after start.
  int stop(int signal, std::string* output = nullptr);

 private:
  int pid_ = -1;
  int out_fd_ = -1;
  int port_ = 0;
};

// A fresh temporary folder, removed with the object.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

}  // namespace stemnet::testing
