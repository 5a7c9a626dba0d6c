// The only translation unit that includes Beast and Asio.
#include "http/server.hpp"

#include "http/conditional.hpp"
#include "http/errors.hpp"
#include "http/forwarded.hpp"
#include "http/log.hpp"
#include "http/problem.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <iostream>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>
#include <vector>

namespace stemnet::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
// Under pressure, a connection idle this long is closed to make room.
constexpr std::chrono::milliseconds kPressureGrace{200};

// What shutdown needs to reach a live connection. `stream` and `busy` are
// touched only on the connection's thread; `executor` is its io_context.
struct Connection {
  asio::any_io_executor executor;  // the io_context the connection runs on
  beast::tcp_stream* stream = nullptr;
  bool busy = false;
  Clock::time_point idle_since = Clock::now();  // touched on the connection's thread
  std::string client;                           // the peer's address, for the per-client count
};

struct Shared {
  const Router& router;
  Metrics& metrics;
  const ServerOptions& options;
  std::atomic<bool> stopping{false};
  std::mutex mu;  // guards connections and the shutdown deadline
  std::set<std::shared_ptr<Connection>> connections;
  asio::steady_timer* deadline = nullptr;
  // One io_context per thread: a connection lives on one of them for its
  // whole life, so its handlers never run concurrently and need no strand.
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> keep_running;
  std::unordered_map<std::string, std::size_t> per_client;  // open connections; guarded by mu
  std::size_t max_connections = 0;  // what the descriptor limit leaves room for
  // Set while descriptors are short: idle keep-alive is cut short.
  std::atomic<bool> pressure{false};
  asio::thread_pool* blocking = nullptr;  // for routes marked blocking
  std::atomic<std::size_t> blocking_waiting{0};

  // Asks every connection idle for at least `min_idle` to close (on its own
  // thread, where `busy` is consistent). Used at shutdown and when
  // descriptors run short (then a new connection gets a moment to speak).
  void close_idle(std::chrono::milliseconds min_idle = std::chrono::milliseconds(0)) {
    // call with mu held
    for (const auto& conn : connections) {
      asio::post(conn->executor, [conn, min_idle] {
        if (conn->stream && !conn->busy && Clock::now() - conn->idle_since >= min_idle)
          conn->stream->socket().cancel();
      });
    }
  }

  // Lets every context run out of work once the last connection is gone.
  void release_contexts() {  // call with mu held
    deadline->cancel();
    for (auto& guard : keep_running) guard.reset();
  }
};

Request to_request(bhttp::request<bhttp::string_body>&& in, bool* ok) {
  Method method =
      method_from(std::string_view(in.method_string().data(), in.method_string().size()));
  std::string_view target(in.target().data(), in.target().size());
  auto parsed = Request::from_target(method, target);
  *ok = parsed.has_value();
  Request req = parsed ? std::move(*parsed) : Request{};
  req.method = method;
  req.target = std::string(target);
  req.headers.reserve(8);
  for (const auto& field : in) {
    req.headers.push_back({std::string(field.name_string()), std::string(field.value())});
  }
  req.body = std::move(in.body());
  return req;
}

// The response as bytes on the wire. Beast parses requests; writing a
// response is simple enough to do in one buffer, which saves the per-field
// allocations of beast::http::fields on the hot path.
std::string wire_bytes(Response&& res, unsigned version, bool keep_alive, bool head,
                       const std::vector<Header>& defaults) {
  const bool bodyless =
      res.status == 304 || res.status == 204 || (res.status >= 100 && res.status < 200);
  std::string out;
  out.reserve(160 + res.body.size());
  out += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
  out += std::to_string(res.status);
  out += ' ';
  const auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(res.status));
  out.append(reason.data(), reason.size());
  out += "\r\nServer: stemnet\r\n";
  auto header = [&out](std::string_view name, std::string_view value) {
    // Header values come from our own code; refuse line breaks all the same.
    if (value.find_first_of("\r\n") != std::string_view::npos) return;
    out.append(name);
    out += ": ";
    out.append(value);
    out += "\r\n";
  };
  if (!res.content_type.empty()) header("Content-Type", res.content_type);
  for (const auto& h : res.headers) header(h.name, h.value);
  for (const auto& h : defaults) {
    if (!res.header(h.name)) header(h.name, h.value);
  }
  if (!bodyless) header("Content-Length", std::to_string(res.body.size()));
  if (!keep_alive && version >= 11) header("Connection", "close");
  if (keep_alive && version == 10) header("Connection", "keep-alive");
  out += "\r\n";
  if (!bodyless && !head) out += res.body;
  return out;
}

Response error_response(const beast::error_code& ec, std::size_t body_limit) {
  if (ec == bhttp::error::body_limit) return problem(errors::body_too_large(body_limit));
  if (ec == bhttp::error::header_limit) return problem(errors::headers_too_large(), 431);
  if (ec == bhttp::error::bad_obs_fold) {
    return problem(
        errors::malformed("a header line starts with a space or tab (obs-fold, RFC 9112 5.2): "
                          "send each header field on one line"));
  }
  return problem(errors::malformed("the request is not valid HTTP/1.1: " + ec.message()));
}

// Reads until `buffer` holds a whole header section (or `limit` bytes, which
// Beast then refuses), and fails with bad_obs_fold when a header line starts
// with a space or tab: RFC 9112 5.2 has a server refuse such obs-fold, and
// Beast would join it into the value before.
asio::awaitable<beast::error_code> refuse_obs_fold(beast::tcp_stream& stream,
                                                   beast::flat_buffer& buffer, std::size_t limit) {
  for (;;) {
    const auto data = buffer.data();
    const std::string_view bytes(static_cast<const char*>(data.data()), data.size());
    if (const auto end = bytes.find("\r\n\r\n"); end != std::string_view::npos) {
      const std::string_view header = bytes.substr(0, end + 2);
      for (auto eol = header.find("\r\n"); eol != std::string_view::npos && eol + 2 < header.size();
           eol = header.find("\r\n", eol + 2)) {
        if (header[eol + 2] == ' ' || header[eol + 2] == '\t') co_return bhttp::error::bad_obs_fold;
      }
      co_return beast::error_code{};
    }
    // Bare LF line ends, or over the limit: Beast answers those.
    if (bytes.find("\n\n") != std::string_view::npos || bytes.size() >= limit)
      co_return beast::error_code{};
    auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), use_tuple);
    if (ec) co_return ec;
    buffer.commit(n);
  }
}

asio::awaitable<void> write_response(beast::tcp_stream& stream, const ServerOptions& opt,
                                     std::string bytes, beast::error_code& ec) {
  stream.expires_after(opt.write_timeout);
  auto [wec, n] = co_await asio::async_write(stream, asio::buffer(bytes), use_tuple);
  ec = wec;
}

// Answers 503 at once and closes: for a connection over a limit.
asio::awaitable<void> refuse(beast::tcp_stream& stream, const ServerOptions& opt,
                             std::string detail) {
  const Error e = errors::busy(std::move(detail), 5);
  beast::error_code ec;
  co_await write_response(stream, opt,
                          wire_bytes(problem(e), 11, false, false, opt.default_headers), ec);
  stream.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream.close();
}

asio::awaitable<void> run_session(tcp::socket socket, Shared& shared) {
  const auto& opt = shared.options;
  beast::tcp_stream stream(std::move(socket));
  auto conn = std::make_shared<Connection>();
  conn->executor = co_await asio::this_coro::executor;  // this session's io_context
  conn->stream = &stream;
  if (beast::error_code aec; true) {
    auto peer = stream.socket().remote_endpoint(aec);
    if (!aec) conn->client = peer.address().to_string();
  }
  bool over_client_cap = false;
  {
    std::lock_guard lock(shared.mu);
    const bool proxy = std::find(opt.trusted_proxies.begin(), opt.trusted_proxies.end(),
                                 conn->client) != opt.trusted_proxies.end();
    over_client_cap = !proxy && shared.per_client[conn->client] >= opt.max_connections_per_client;
    if (!over_client_cap) {
      ++shared.per_client[conn->client];
      shared.connections.insert(conn);
      // Near the descriptor limit: idle keep-alive gives way to new work.
      const bool near = shared.connections.size() * 4 >= shared.max_connections * 3;
      if (near) shared.close_idle(kPressureGrace);
      if (near) shared.pressure = true;
    }
  }
  if (over_client_cap) {
    co_await refuse(stream, opt, "too many open connections from your address");
    co_return;
  }
  beast::flat_buffer buffer;
  for (;;) {
    if (shared.stopping) break;
    bhttp::request_parser<bhttp::string_body> parser;  // one parser per message
    parser.body_limit(opt.body_limit);
    parser.header_limit(static_cast<std::uint32_t>(opt.header_limit));
    stream.expires_after(shared.pressure ? opt.pressure_idle_timeout : opt.idle_timeout);
    beast::error_code ec = co_await refuse_obs_fold(stream, buffer, opt.header_limit);
    if (!ec) {
      auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, use_tuple);
      ec = hec;
    }
    std::size_t body_limit = opt.body_limit;
    if (!ec && !parser.is_done()) {
      // A route that takes files allows a larger body (RouteOptions::body_limit).
      const auto& head = parser.get();
      const std::string_view target(head.target().data(), head.target().size());
      if (auto limit =
              shared.router.body_limit(method_from(std::string_view(head.method_string().data(),
                                                                    head.method_string().size())),
                                       target.substr(0, target.find('?')))) {
        body_limit = *limit;
        parser.body_limit(body_limit);
      }
      conn->busy = true;
      stream.expires_after(opt.read_timeout);
      auto [bec, bn] = co_await bhttp::async_read(stream, buffer, parser, use_tuple);
      ec = bec;
    }
    conn->busy = true;
    if (ec) {
      if (ec == bhttp::error::end_of_stream || ec == beast::error::timeout ||
          ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
          ec == asio::error::eof) {
        break;
      }
      // A malformed or oversized request: answer once, then close.
      Response res = error_response(ec, body_limit);
      shared.metrics.observe("OTHER", "unparsed", res.status, 0);
      beast::error_code wec;
      co_await write_response(
          stream, opt, wire_bytes(std::move(res), 11, false, false, opt.default_headers), wec);
      break;
    }
    const auto started = Clock::now();
    auto in = parser.release();
    const unsigned version = in.version();
    const bool keep_alive = in.keep_alive() && !shared.stopping;
    bool target_ok = true;
    Request req = to_request(std::move(in), &target_ok);
    req.remote_address =
        client_address(conn->client, req.header("X-Forwarded-For"), opt.trusted_proxies);
    std::string route = "unmatched";
    Response res;
    auto answer = [&]() -> Response {
      try {
        return shared.router.dispatch(req, &route);
      } catch (const std::exception& e) {
        // The one catch site: a handler failed unexpectedly. Log, answer 500, keep serving.
        std::cerr << "stemnet: error: " << method_name(req.method) << " " << loggable_target(req)
                  << ": " << e.what() << "\n";
        return problem(Error::internal("the server failed to answer this request"));
      }
    };
    if (!target_ok) {
      res = problem(errors::malformed("the request target is not a valid URL: " + req.target));
    } else if (shared.blocking && shared.router.blocking(req)) {
      // Slow on purpose (password hashing): on threads of its own, so that
      // this connection's thread goes on serving the others meanwhile.
      if (shared.blocking_waiting.fetch_add(1) >= opt.blocking_queue) {
        res = problem(errors::busy("the server is busy; try again in a moment", 1));
      } else {
        res = co_await asio::co_spawn(
            shared.blocking->get_executor(),
            [&answer]() -> asio::awaitable<Response> { co_return answer(); }, asio::use_awaitable);
      }
      --shared.blocking_waiting;
    } else {
      res = answer();
    }
    apply_conditional(req, res);
    // Counted when the answer is ready, before it is written: a client that
    // has its answer can rely on it being in /metrics.
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    shared.metrics.observe(method_name(req.method), route, res.status, seconds);
    const bool head = req.method == Method::head;
    beast::error_code wec;
    co_await write_response(stream, opt,
                            wire_bytes(std::move(res), version, keep_alive && !shared.stopping,
                                       head, opt.default_headers),
                            wec);
    conn->busy = false;
    conn->idle_since = Clock::now();
    if (wec || !keep_alive || shared.stopping) break;
  }
  conn->stream = nullptr;
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.close();
  std::lock_guard lock(shared.mu);
  shared.connections.erase(conn);
  if (auto it = shared.per_client.find(conn->client); it != shared.per_client.end()) {
    if (--it->second == 0) shared.per_client.erase(it);
  }
  if (shared.connections.size() * 2 < shared.max_connections) shared.pressure = false;
  // The last connection to close during shutdown lets the server return early.
  if (shared.stopping && shared.connections.empty()) shared.release_contexts();
}

// Errors of accept that mean "no room for another descriptor or buffer right
// now": retrying at once would spin, since the connection stays queued.
bool out_of_room(const beast::error_code& ec) {
  return ec == asio::error::no_descriptors ||                         // EMFILE
         ec == boost::system::errc::too_many_files_open_in_system ||  // ENFILE
         ec == asio::error::no_buffer_space || ec == asio::error::no_memory;
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, Shared& shared) {
  std::size_t next = 0;
  asio::steady_timer backoff(acceptor.get_executor());
  std::chrono::milliseconds wait{0};
  for (;;) {
    // Connections are dealt round-robin to the threads' io_contexts.
    next = (next + 1) % shared.contexts.size();
    asio::io_context& target = *shared.contexts[next];
    auto [ec, socket] = co_await acceptor.async_accept(target, use_tuple);
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      if (out_of_room(ec)) {
        // Close idle connections to make room, and wait before trying again:
        // 5 ms, doubling to at most 500 ms while the shortage lasts.
        {
          std::lock_guard lock(shared.mu);
          if (!shared.pressure) {
            std::cerr << "stemnet: warning: out of file descriptors (" << ec.message()
                      << "); closing idle connections\n";
          }
          shared.pressure = true;
          shared.close_idle(kPressureGrace);
        }
        wait = std::clamp(wait * 2, std::chrono::milliseconds(5), std::chrono::milliseconds(500));
        backoff.expires_after(wait);
        co_await backoff.async_wait(use_tuple);
      }
      continue;
    }
    wait = std::chrono::milliseconds(0);
    socket.set_option(tcp::no_delay(true), ec);
    asio::co_spawn(target, run_session(std::move(socket), shared), asio::detached);
  }
}

}  // namespace

Result<void> serve(const Router& router, Metrics& metrics, const ServerOptions& options) {
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  Shared shared{router, metrics, options};
  // Room for connections: the descriptor limit less a reserve for the
  // database, the mail worker, logs and the listener.
  if (rlimit lim{}; ::getrlimit(RLIMIT_NOFILE, &lim) == 0 && lim.rlim_cur != RLIM_INFINITY) {
    shared.max_connections =
        static_cast<std::size_t>(std::max<rlim_t>(16, lim.rlim_cur > 64 ? lim.rlim_cur - 48 : 16));
  } else {
    shared.max_connections = 1 << 20;
  }
  std::optional<asio::thread_pool> blocking;
  if (options.blocking_threads > 0) {
    blocking.emplace(static_cast<std::size_t>(options.blocking_threads));
    shared.blocking = &*blocking;
  }
  for (int i = 0; i < threads; ++i) {
    shared.contexts.push_back(std::make_unique<asio::io_context>(1));
    shared.keep_running.push_back(asio::make_work_guard(*shared.contexts.back()));
  }
  asio::io_context& ioc = *shared.contexts[0];  // listener, signals, shutdown

  beast::error_code ec;
  auto address = asio::ip::make_address(options.bind, ec);
  if (ec) return Error::invalid("bind", "not an IP address: " + options.bind);
  tcp::acceptor acceptor(ioc);
  tcp::endpoint endpoint(address, options.port);
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return Error::unavailable("cannot listen on " + options.bind + ":" +
                              std::to_string(options.port) + ": " + ec.message());
  }
  if (options.on_listening) options.on_listening(options.bind, acceptor.local_endpoint().port());

  asio::co_spawn(ioc, accept_loop(acceptor, shared), asio::detached);

  asio::steady_timer deadline(ioc);
  shared.deadline = &deadline;
  auto begin_shutdown = [&] {
    if (shared.stopping) return;
    beast::error_code ignored;
    acceptor.close(ignored);
    std::lock_guard lock(shared.mu);
    shared.stopping = true;
    // Past the grace period, whatever is still in flight is cut off.
    deadline.expires_after(options.shutdown_grace);
    deadline.async_wait([&](const beast::error_code& dec) {
      if (dec) return;
      for (auto& ctx : shared.contexts) ctx->stop();
    });
    if (shared.connections.empty()) shared.release_contexts();
    // Idle connections stop waiting; busy ones finish their answer and then close.
    shared.close_idle();
  };
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](const beast::error_code& sec, int) {
    if (!sec) begin_shutdown();
  });
  if (options.on_started) {
    options.on_started([&ioc, &begin_shutdown, &signals] {
      asio::post(ioc, [&begin_shutdown, &signals] {
        beast::error_code ignored;
        signals.cancel(ignored);
        begin_shutdown();
      });
    });
  }

  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&shared, i] { shared.contexts[i]->run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  if (blocking) blocking->join();
  return ok();
}

}  // namespace stemnet::http
