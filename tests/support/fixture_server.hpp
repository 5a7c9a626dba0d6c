// fixture_server.hpp — a real stemnet HTTP server in the test process, on a
// random loopback port, answering with whatever routes a test gives it (e.g.
// fixtures in the shape SSB's API answers). Stops when the object goes.
#pragma once

#include "http/server.hpp"

#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace stemnet::testing {

class FixtureServer {
 public:
  explicit FixtureServer(http::Router router) : router_(std::move(router)) {
    http::ServerOptions opt;
    opt.port = 0;
    opt.threads = 1;
    opt.shutdown_grace = std::chrono::milliseconds(2000);
    opt.on_listening = [this](const std::string&, unsigned short port) {
      std::lock_guard lock(mu_);
      port_ = port;
    };
    opt.on_started = [this](std::function<void()> stop) {
      std::lock_guard lock(mu_);
      stop_ = std::move(stop);
      cv_.notify_all();
    };
    thread_ = std::thread([this, opt] { (void)http::serve(router_, metrics_, opt); });
    std::unique_lock lock(mu_);
    cv_.wait_for(lock, std::chrono::seconds(10), [this] { return static_cast<bool>(stop_); });
  }
  ~FixtureServer() {
    {
      std::lock_guard lock(mu_);
      if (stop_) stop_();
    }
    thread_.join();
  }
  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + path;
  }

 private:
  http::Router router_;
  http::Metrics metrics_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::function<void()> stop_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace stemnet::testing
