#include "http/log.hpp"

#include <gtest/gtest.h>

namespace stemnet::http {
namespace {

TEST(Log, TargetsLoseTheirTokens) {
  const std::pair<const char*, const char*> cases[] = {
      {"/api/v1/calendar/s3cretFeedToken.ics", "/api/v1/calendar/[redacted]"},
      {"/api/v1/calendar/s3cretFeedToken.ics?x=1", "/api/v1/calendar/[redacted]?x=1"},
      {"/api/v1/unsubscribe/s3cretUnsub", "/api/v1/unsubscribe/[redacted]"},
      {"/api/v1/%75nsubscribe/s3cretUnsub", "/api/v1/unsubscribe/[redacted]"},
      {"/api/v1/calendar%2Fs3cretFeedToken.ics", "/api/v1/calendar/[redacted]"},
      {"/nytt-passord?kode=s3cretCode", "/nytt-passord?kode=[redacted]"},
      {"/x?a=1&Token=s3cret&b=2", "/x?a=1&Token=[redacted]&b=2"},
      {"/x?%6Bode=s3cret", "/x?%6Bode=[redacted]"},
      {"/api/v1/counties?limit=2", "/api/v1/counties?limit=2"},
      {"/api/v1/calendar", "/api/v1/calendar"},
      {"/", "/"},
  };
  for (const auto& [target, want] : cases) {
    auto req = Request::from_target(Method::get, target);
    ASSERT_TRUE(req) << target;
    const std::string logged = loggable_target(*req);
    EXPECT_EQ(logged, want) << target;
    EXPECT_EQ(logged.find("s3cret"), std::string::npos) << target;
  }
}

}  // namespace
}  // namespace stemnet::http
