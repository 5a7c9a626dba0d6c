#include "monitor/fetch.hpp"

#include "fixture_server.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <atomic>

namespace stemnet::monitor {
namespace {

FetchOptions quick() {
  FetchOptions o;
  o.first_backoff = std::chrono::milliseconds(10);
  o.total_timeout = std::chrono::milliseconds(5000);
  return o;
}

TEST(Fetch, PostsTheQueryAndKeepsTheHash) {
  std::string seen_body, seen_type;
  http::Router r;
  r.post("/api/v0/no/table/{id}", [&](const http::Request& req, const http::PathParams& p) {
    seen_body = req.body;
    seen_type = std::string(req.header("Content-Type").value_or(""));
    return http::Response::json(
        200, R"({"version":"2.0","class":"dataset","table":")" + std::string(p.get("id")) + "\"}");
  });
  testing::FixtureServer server(std::move(r));
  ASSERT_NE(server.port(), 0);
  auto got = fetch_post(server.url("/api/v0/no/table/07459"), R"({"query":[]})", quick());
  ASSERT_TRUE(got) << got.error().detail;
  EXPECT_EQ(got->status, 200);
  EXPECT_EQ(got->body, R"({"version":"2.0","class":"dataset","table":"07459"})");
  EXPECT_EQ(got->sha256.size(), 64u);
  EXPECT_EQ(got->attempts, 1);
  EXPECT_EQ(seen_body, R"({"query":[]})");
  EXPECT_EQ(seen_type, "application/json");
}

TEST(Fetch, RetriesServerErrorsThenSucceeds) {
  std::atomic<int> calls = 0;
  http::Router r;
  r.post("/t", [&](const http::Request&, const http::PathParams&) {
    if (++calls < 3) return http::Response::json(503, "{}");
    return http::Response::json(200, "{\"ok\":true}");
  });
  testing::FixtureServer server(std::move(r));
  auto got = fetch_post(server.url("/t"), "{}", quick());
  ASSERT_TRUE(got) << got.error().detail;
  EXPECT_EQ(got->attempts, 3);
  EXPECT_EQ(calls, 3);
}

TEST(Fetch, GivesUpAfterTheLastAttempt) {
  std::atomic<int> calls = 0;
  http::Router r;
  r.post("/t", [&](const http::Request&, const http::PathParams&) {
    ++calls;
    return http::Response::json(429, "{}");
  });
  testing::FixtureServer server(std::move(r));
  auto got = fetch_post(server.url("/t"), "{}", quick());
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().kind, ErrorKind::unavailable);
  EXPECT_NE(got.error().detail.find("HTTP 429"), std::string::npos) << got.error().detail;
  EXPECT_EQ(calls, 3);
}

TEST(Fetch, ClientErrorsAreNotRetried) {
  std::atomic<int> calls = 0;
  http::Router r;
  r.post("/t", [&](const http::Request&, const http::PathParams&) {
    ++calls;
    return http::Response::json(400, R"({"error":"bad query"})");
  });
  testing::FixtureServer server(std::move(r));
  auto got = fetch_post(server.url("/t"), "{}", quick());
  ASSERT_FALSE(got);
  EXPECT_EQ(calls, 1);
  EXPECT_NE(got.error().detail.find("bad query"), std::string::npos);
}

TEST(Fetch, NoServerIsUnavailable) {
  FetchOptions o = quick();
  o.attempts = 2;
  auto got = fetch_post("http://127.0.0.1:9/nothing", "{}", o);  // discard port: nobody listens
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().kind, ErrorKind::unavailable);
}

// A body of `size` zeros, gzip-compressed (a few KB for megabytes).
std::string gzip_zeros(std::size_t size) {
  const std::string zeros(size, '0');
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&z, static_cast<uLong>(size)), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(zeros.data()));
  z.avail_in = static_cast<uInt>(zeros.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(Fetch, AnAnswerOverTheLimitIsRefusedAndNotRetried) {
  std::atomic<int> calls = 0;
  http::Router r;
  r.post("/t", [&](const http::Request&, const http::PathParams&) {
    ++calls;
    return http::Response::json(200, std::string(3 << 20, ' '));
  });
  testing::FixtureServer server(std::move(r));
  FetchOptions o = quick();
  o.max_bytes = 1 << 20;
  auto got = fetch_post(server.url("/t"), "{}", o);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().kind, ErrorKind::too_large) << got.error().detail;
  EXPECT_EQ(calls, 1);
}

// 16 MB of zeros travel as ~16 KB of gzip: the limit counts what it inflates to.
TEST(Fetch, TheLimitHoldsAfterDecompression) {
  const std::string bomb = gzip_zeros(16 << 20);
  ASSERT_LT(bomb.size(), std::size_t{64} << 10);
  http::Router r;
  r.post("/t", [&](const http::Request&, const http::PathParams&) {
    http::Response res = http::Response::json(200, bomb);
    res.set_header("Content-Encoding", "gzip");
    return res;
  });
  testing::FixtureServer server(std::move(r));
  FetchOptions o = quick();
  o.max_bytes = 1 << 20;
  auto got = fetch_post(server.url("/t"), "{}", o);
  ASSERT_FALSE(got) << "kept " << got->body.size() << " bytes";
  EXPECT_EQ(got.error().kind, ErrorKind::too_large) << got.error().detail;
  // Under the limit, the same kind of answer is taken.
  o.max_bytes = 32 << 20;
  auto whole = fetch_post(server.url("/t"), "{}", o);
  ASSERT_TRUE(whole) << whole.error().detail;
  EXPECT_EQ(whole->body.size(), std::size_t{16} << 20);
}

}  // namespace
}  // namespace stemnet::monitor
