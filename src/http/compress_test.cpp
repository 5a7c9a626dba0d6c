#include "http/compress.hpp"

#include "http/static_files.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

namespace stemnet::http {
namespace {

std::string gunzip(const std::string& in) {
  z_stream z{};
  EXPECT_EQ(inflateInit2(&z, 15 + 16), Z_OK);
  std::string out(1 << 20, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(inflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  inflateEnd(&z);
  return out;
}

Request with_encoding(const char* value) {
  Request r;
  r.headers.push_back({"Accept-Encoding", value});
  return r;
}

TEST(Compress, AcceptEncoding) {
  EXPECT_TRUE(accepts_gzip(with_encoding("gzip")));
  EXPECT_TRUE(accepts_gzip(with_encoding("deflate, GZIP, br")));
  EXPECT_TRUE(accepts_gzip(with_encoding("gzip;q=0.5")));
  EXPECT_TRUE(accepts_gzip(with_encoding("*")));
  EXPECT_FALSE(accepts_gzip(with_encoding("gzip;q=0")));
  EXPECT_FALSE(accepts_gzip(with_encoding("gzip; q=0.000")));
  EXPECT_FALSE(accepts_gzip(with_encoding("br, deflate")));
  EXPECT_FALSE(accepts_gzip(with_encoding("xgzip")));
  EXPECT_FALSE(accepts_gzip(Request{}));
}

// RFC 9110 12.5.3: the most specific coding decides; "*" only speaks for
// codings the header does not name.
TEST(Compress, AcceptEncodingQValues) {
  const std::pair<const char*, bool> cases[] = {
      {"*;q=0, gzip", true},
      {"gzip, *;q=0", true},
      {"*;q=0, gzip;q=0.1", true},
      {"*, gzip;q=0", false},
      {"gzip;q=0, *", false},
      {"*;q=0", false},
      {"*;q=0.5", true},
      {"br, *;q=0.001", true},
      {"identity;q=1, *;q=0", false},
      {"gzip;q=1.0", true},
      {"gzip ; Q=0", false},
      {"gzip;level=1;q=0", false},
      {"gzip;q=0.001", true},
      {"deflate;q=0, gzip;q=0.2", true},
  };
  for (const auto& [value, expected] : cases) {
    EXPECT_EQ(accepts_gzip(with_encoding(value)), expected) << value;
  }
}

TEST(Compress, RoundTripsAndSkipsWhatDoesNotPay) {
  std::string text;
  for (int i = 0; i < 500; ++i) text += R"({"number":"0301","name":"Oslo"},)";
  auto z = gzip(text);
  ASSERT_TRUE(z);
  EXPECT_LT(z->size(), text.size() / 5);
  EXPECT_EQ(gunzip(*z), text);
  EXPECT_FALSE(gzip("short"));
  std::string noise;
  std::uint32_t x = 12345;
  for (int i = 0; i < 4000; ++i) noise += static_cast<char>((x = x * 1664525 + 1013904223) >> 24);
  EXPECT_FALSE(gzip(noise)) << "random bytes do not shrink";
}

TEST(Compress, AnswerGetsItsOwnTag) {
  Response res = Response::json(200, std::string(3000, ' '));
  res.set_header("ETag", "\"abc\"");
  compress_answer(with_encoding("gzip"), res);
  EXPECT_EQ(res.header("Content-Encoding"), "gzip");
  EXPECT_EQ(res.header("ETag"), "\"abc-gz\"");
  EXPECT_EQ(res.header("Vary"), "Accept-Encoding");
  Response plain = Response::json(200, std::string(3000, ' '));
  compress_answer(Request{}, plain);
  EXPECT_FALSE(plain.header("Content-Encoding"));
  EXPECT_EQ(plain.header("Vary"), "Accept-Encoding");
}

TEST(StaticFiles, ContentTypesAndRefusals) {
  EXPECT_EQ(StaticFiles::content_type("a/b/index-1f.JS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(StaticFiles::content_type("x.woff2"), "font/woff2");
  EXPECT_EQ(StaticFiles::content_type("README"), "application/octet-stream");
  auto missing = StaticFiles::load("/nonexistent/ui/dist");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().param, "ui");

  const auto dir = std::filesystem::temp_directory_path() / "stemnet-static-test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "app.js") << "x";
  auto no_index = StaticFiles::load(dir);
  ASSERT_FALSE(no_index);
  EXPECT_NE(no_index.error().detail.find("index.html"), std::string::npos);
  std::ofstream(dir / "index.html") << "<!doctype html>";
  auto loaded = StaticFiles::load(dir);
  ASSERT_TRUE(loaded);
  // Dot segments cannot step outside: only files read at start-up are served.
  auto r = Request::from_target(Method::get, "/../../etc/passwd");
  ASSERT_TRUE(r);
  EXPECT_EQ(loaded->answer(*r).body, "<!doctype html>") << "a client route, never the file";
  auto dotted = Request::from_target(Method::get, "/../stemnet-static-test/app.css");
  ASSERT_TRUE(dotted);
  EXPECT_EQ(loaded->answer(*dotted).status, 404);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace stemnet::http
