#include "server_process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <regex>

namespace stemnet::testing {
namespace {

std::vector<char*> argv_of(std::vector<std::string>& args) {
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  return argv;
}

int spawn(std::vector<std::string> args, int* out_fd, long open_files = 0) {
  int pipefd[2];
  if (::pipe(pipefd) != 0) return -1;
  int pid = ::fork();
  if (pid == 0) {
    if (open_files > 0) {
      rlimit lim{static_cast<rlim_t>(open_files), static_cast<rlim_t>(open_files)};
      ::setrlimit(RLIMIT_NOFILE, &lim);
    }
    ::dup2(pipefd[1], 1);
    ::dup2(pipefd[1], 2);
    ::close(pipefd[0]);
    ::close(pipefd[1]);
    args.insert(args.begin(), STEMNET_BINARY);
    auto argv = argv_of(args);
    ::execv(STEMNET_BINARY, argv.data());
    ::_exit(127);
  }
  ::close(pipefd[1]);
  *out_fd = pipefd[0];
  return pid;
}

// Reads what is available within `ms` milliseconds.
bool read_some(int fd, std::string& out, int ms) {
  pollfd p{fd, POLLIN, 0};
  if (::poll(&p, 1, ms) <= 0) return false;
  char buf[4096];
  ssize_t n = ::read(fd, buf, sizeof buf);
  if (n <= 0) return false;
  out.append(buf, static_cast<std::size_t>(n));
  return true;
}

int exit_code_of(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

CommandResult run_stemnet(const std::vector<std::string>& args) {
  CommandResult r;
  int fd = -1;
  int pid = spawn(args, &fd);
  while (read_some(fd, r.out, 60000)) {
  }
  ::close(fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  r.exit_code = exit_code_of(status);
  return r;
}

ServerProcess::ServerProcess(const std::string& db_url, const std::vector<std::string>& extra,
                             long open_files) {
  std::vector<std::string> args = {"serve", "--db", db_url, "--port", "0", "--bind", "127.0.0.1"};
  args.insert(args.end(), extra.begin(), extra.end());
  auto given = [&extra](const char* flag) {
    return std::find(extra.begin(), extra.end(), flag) != extra.end();
  };
  if (!given("--signups-per-hour")) args.insert(args.end(), {"--signups-per-hour", "100000"});
  if (!given("--resets-per-hour")) args.insert(args.end(), {"--resets-per-hour", "100000"});
  pid_ = spawn(args, &out_fd_, open_files);
  std::string out;
  static const std::regex listening(R"(listening on http://127\.0\.0\.1:(\d+))");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::smatch m;
    if (std::regex_search(out, m, listening)) {
      port_ = std::atoi(m[1].str().c_str());
      return;
    }
    if (!read_some(out_fd_, out, 500) && ::waitpid(pid_, nullptr, WNOHANG) != 0) break;
  }
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) stop(SIGKILL);
}

int ServerProcess::stop(int signal, std::string* output) {
  if (pid_ <= 0) return -1;
  ::kill(pid_, signal);
  std::string out;
  while (read_some(out_fd_, out, 15000)) {
  }
  int status = 0;
  ::waitpid(pid_, &status, 0);
  ::close(out_fd_);
  pid_ = -1;
  if (output) *output = out;
  return exit_code_of(status);
}

TempDir::TempDir() {
  std::string tmpl = (std::filesystem::temp_directory_path() / "stemnet-test-XXXXXX").string();
  path_ = ::mkdtemp(tmpl.data()) ? tmpl : std::string();
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) std::filesystem::remove_all(path_, ec);
}

}  // namespace stemnet::testing
