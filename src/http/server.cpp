// The only translation unit that includes Beast and Asio.
#include "http/server.hpp"

#include "http/conditional.hpp"
#include "http/log.hpp"
#include "http/problem.hpp"

#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <atomic>
#include <iostream>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

namespace stemnet::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;
constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);

// What shutdown needs to reach a live connection. `stream` and `busy` are
// touched only on the connection's thread; `executor` is its io_context.
struct Connection {
  asio::any_io_executor executor;  // the io_context the connection runs on
  beast::tcp_stream* stream = nullptr;
  bool busy = false;
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
std::string wire_bytes(Response&& res, unsigned version, bool keep_alive, bool head) {
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
  if (!bodyless) header("Content-Length", std::to_string(res.body.size()));
  if (!keep_alive && version >= 11) header("Connection", "close");
  if (keep_alive && version == 10) header("Connection", "keep-alive");
  out += "\r\n";
  if (!bodyless && !head) out += res.body;
  return out;
}

Response error_response(const beast::error_code& ec) {
  if (ec == bhttp::error::body_limit) {
    return problem(Error{ErrorKind::too_large, "payload-too-large", "Payload too large",
                         "the request body is over the server's limit"});
  }
  if (ec == bhttp::error::header_limit) {
    return problem(Error{ErrorKind::too_large, "headers-too-large", "Request headers too large",
                         "the request header is over the server's limit"},
                   431);
  }
  if (ec == bhttp::error::bad_obs_fold) {
    return problem(Error{ErrorKind::invalid_input, "bad-request", "Bad request",
                         "a header line starts with a space or tab (obs-fold, RFC 9112 5.2): "
                         "send each header field on one line"});
  }
  return problem(Error{ErrorKind::invalid_input, "bad-request", "Bad request",
                       "the request is not valid HTTP/1.1: " + ec.message()});
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

asio::awaitable<void> run_session(tcp::socket socket, Shared& shared) {
  const auto& opt = shared.options;
  beast::tcp_stream stream(std::move(socket));
  auto conn = std::make_shared<Connection>();
  conn->executor = co_await asio::this_coro::executor;  // this session's io_context
  conn->stream = &stream;
  {
    std::lock_guard lock(shared.mu);
    shared.connections.insert(conn);
  }
  beast::flat_buffer buffer;
  for (;;) {
    if (shared.stopping) break;
    bhttp::request_parser<bhttp::string_body> parser;  // one parser per message
    parser.body_limit(opt.body_limit);
    parser.header_limit(static_cast<std::uint32_t>(opt.header_limit));
    stream.expires_after(opt.idle_timeout);
    beast::error_code ec = co_await refuse_obs_fold(stream, buffer, opt.header_limit);
    if (!ec) {
      auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, use_tuple);
      ec = hec;
    }
    if (!ec && !parser.is_done()) {
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
      Response res = error_response(ec);
      shared.metrics.observe("OTHER", "unparsed", res.status, 0);
      beast::error_code wec;
      co_await write_response(stream, opt, wire_bytes(std::move(res), 11, false, false), wec);
      break;
    }
    const auto started = Clock::now();
    auto in = parser.release();
    const unsigned version = in.version();
    const bool keep_alive = in.keep_alive() && !shared.stopping;
    bool target_ok = true;
    Request req = to_request(std::move(in), &target_ok);
    if (beast::error_code aec; true) {
      auto peer = stream.socket().remote_endpoint(aec);
      if (!aec) req.remote_address = peer.address().to_string();
    }
    std::string route = "unmatched";
    Response res;
    if (!target_ok) {
      res = problem(Error{ErrorKind::invalid_input, "bad-request", "Bad request",
                          "the request target is not a valid URL: " + req.target});
    } else {
      try {
        res = shared.router.dispatch(req, &route);
      } catch (const std::exception& e) {
        // The one catch site: a handler failed unexpectedly. Log, answer 500, keep serving.
        std::cerr << "stemnet: error: " << method_name(req.method) << " " << loggable_target(req)
                  << ": " << e.what() << "\n";
        res = problem(Error::internal("the server failed to answer this request"));
      }
    }
    apply_conditional(req, res);
    // Counted when the answer is ready, before it is written: a client that
    // has its answer can rely on it being in /metrics.
    const double seconds = std::chrono::duration<double>(Clock::now() - started).count();
    shared.metrics.observe(method_name(req.method), route, res.status, seconds);
    const bool head = req.method == Method::head;
    beast::error_code wec;
    co_await write_response(
        stream, opt, wire_bytes(std::move(res), version, keep_alive && !shared.stopping, head),
        wec);
    conn->busy = false;
    if (wec || !keep_alive || shared.stopping) break;
  }
  conn->stream = nullptr;
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream.close();
  std::lock_guard lock(shared.mu);
  shared.connections.erase(conn);
  // The last connection to close during shutdown lets the server return early.
  if (shared.stopping && shared.connections.empty()) shared.release_contexts();
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, Shared& shared) {
  std::size_t next = 0;
  for (;;) {
    // Connections are dealt round-robin to the threads' io_contexts.
    next = (next + 1) % shared.contexts.size();
    asio::io_context& target = *shared.contexts[next];
    auto [ec, socket] = co_await acceptor.async_accept(target, use_tuple);
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      continue;  // e.g. too many open files: keep accepting
    }
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
    for (const auto& conn : shared.connections) {
      // Runs on the connection's thread, so `busy` is consistent with it: idle
      // connections stop waiting; busy ones finish their answer and then close.
      asio::post(conn->executor, [conn] {
        if (conn->stream && !conn->busy) conn->stream->socket().cancel();
      });
    }
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
  return ok();
}

}  // namespace stemnet::http
