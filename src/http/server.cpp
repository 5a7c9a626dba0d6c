// The only translation unit that includes Beast and Asio.
#include "http/server.hpp"

#include "http/conditional.hpp"
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
// touched only on the connection's strand; `executor` is that strand.
struct Connection {
  asio::any_io_executor executor;
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

bhttp::response<bhttp::string_body> to_beast(Response&& res, unsigned version, bool keep_alive,
                                             bool head) {
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(res.status), version};
  out.set(bhttp::field::server, "stemnet");
  if (!res.content_type.empty()) out.set(bhttp::field::content_type, res.content_type);
  for (auto& h : res.headers) out.set(h.name, h.value);
  out.keep_alive(keep_alive);
  if (res.status == 304 || res.status == 204) {
    out.body().clear();
  } else if (head) {
    out.content_length(res.body.size());
  } else {
    out.body() = std::move(res.body);
    out.prepare_payload();
  }
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
  return problem(Error{ErrorKind::invalid_input, "bad-request", "Bad request",
                       "the request is not valid HTTP/1.1: " + ec.message()});
}

asio::awaitable<void> write_response(beast::tcp_stream& stream, const ServerOptions& opt,
                                     bhttp::response<bhttp::string_body>&& res,
                                     beast::error_code& ec) {
  stream.expires_after(opt.write_timeout);
  auto [wec, n] = co_await bhttp::async_write(stream, res, use_tuple);
  ec = wec;
}

asio::awaitable<void> run_session(tcp::socket socket, Shared& shared) {
  const auto& opt = shared.options;
  beast::tcp_stream stream(std::move(socket));
  auto conn = std::make_shared<Connection>();
  conn->executor = co_await asio::this_coro::executor;  // this session's strand
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
    auto [hec, hn] = co_await bhttp::async_read_header(stream, buffer, parser, use_tuple);
    beast::error_code ec = hec;
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
      co_await write_response(stream, opt, to_beast(std::move(res), 11, false, false), wec);
      break;
    }
    const auto started = Clock::now();
    auto in = parser.release();
    const unsigned version = in.version();
    const bool keep_alive = in.keep_alive() && !shared.stopping;
    bool target_ok = true;
    Request req = to_request(std::move(in), &target_ok);
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
        std::cerr << "stemnet: error: " << method_name(req.method) << " " << req.target << ": "
                  << e.what() << "\n";
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
        stream, opt, to_beast(std::move(res), version, keep_alive && !shared.stopping, head), wec);
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
  if (shared.stopping && shared.connections.empty()) shared.deadline->cancel();
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, Shared& shared) {
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
    if (ec) {
      if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
      continue;  // e.g. too many open files: keep accepting
    }
    socket.set_option(tcp::no_delay(true), ec);
    auto executor = asio::make_strand(acceptor.get_executor());
    asio::co_spawn(executor, run_session(std::move(socket), shared), asio::detached);
  }
}

}  // namespace

Result<void> serve(const Router& router, Metrics& metrics, const ServerOptions& options) {
  const int threads = options.threads > 0
                          ? options.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  asio::io_context ioc(threads);
  Shared shared{router, metrics, options};

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
  asio::signal_set signals(ioc, SIGINT, SIGTERM);
  signals.async_wait([&](const beast::error_code& sec, int) {
    if (sec) return;
    beast::error_code ignored;
    acceptor.close(ignored);
    std::lock_guard lock(shared.mu);
    shared.stopping = true;
    // Past the grace period, whatever is still in flight is cut off.
    deadline.expires_after(options.shutdown_grace);
    deadline.async_wait([&](const beast::error_code& dec) {
      if (!dec) ioc.stop();
    });
    if (shared.connections.empty()) deadline.cancel();
    for (const auto& conn : shared.connections) {
      // Runs on the connection's strand, so `busy` is consistent with it: idle
      // connections stop waiting; busy ones finish their answer and then close.
      asio::post(conn->executor, [conn] {
        if (conn->stream && !conn->busy) conn->stream->socket().cancel();
      });
    }
  });

  std::vector<std::thread> pool;
  for (int i = 1; i < threads; ++i) pool.emplace_back([&ioc] { ioc.run(); });
  ioc.run();
  for (auto& t : pool) t.join();
  return ok();
}

}  // namespace stemnet::http
