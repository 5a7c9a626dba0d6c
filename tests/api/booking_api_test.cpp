// Requests and bookings over real HTTP: the whole flow, the refusals, and
// the race for the last place in a slot.
#include "api_session.hpp"
#include "http_client.hpp"
#include "mail_box.hpp"
#include "problem_codes.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <atomic>
#include <ctime>
#include <thread>

namespace stemnet::testing {
namespace {
namespace json = boost::json;

constexpr const char* kSchool = "975280640";  // Kirkelund skole, Skiptvet

class BookingApi : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = stemnet::testing::fresh_db_url(dir_.path(), "b");
    ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db_}).exit_code, 0);
    server_ = std::make_unique<ServerProcess>(
        db_, std::vector<std::string>{"--mail-dir", dir_.path() + "/mail"});
    ASSERT_NE(server_->port(), 0);
    eva_ = signup_session(port(), "eva@fjordkraft.test");
    ASSERT_EQ(
        call(
            "POST", "/api/v1/organisations", &eva_,
            R"({"kind":"company","name":"Fjordkraft Testdata AS","orgnr":"923456783","municipality":"3116"})")
            .status,
        201);
    auto admin = signup_session(port(), "admin@stemnet.test");
    grant("admin@stemnet.test", "admin", "NO");
    ASSERT_EQ(call("POST", "/api/v1/organisations/org:923456783/approve", &admin).status, 200);
    auto offer = call(
        "POST", "/api/v1/offers", &eva_,
        R"({"organisation_id":"org:923456783","title":"Besøk på kraftverket","description":"Strøm.",)"
        R"("format":"workplace_visit","subjects":["natural_science"],"grades":{"min":8,"max":10},)"
        R"("municipality":"3116","address":"Kraftverksveien 1","travel_radius_km":40})");
    ASSERT_EQ(offer.status, 201) << offer.body;
    offer_ = std::string(json::parse(offer.body).at("id").as_string());
    ASSERT_EQ(call("POST", "/api/v1/offers/" + offer_ + "/publish", &eva_).status, 200);
    past_slot_ = slot("2020-03-16T09:00", "2020-03-16T11:00", 5);
    future_slot_ = slot("2099-03-16T09:00", "2099-03-16T11:00", 1);
    kari_ = signup_session(port(), "kari@skole.test");
    grant("kari@skole.test", "teacher", std::string("school:") + kSchool);
  }
  int port() const { return server_->port(); }
  void grant(const std::string& email, const std::string& role, const std::string& scope) {
    auto r = run_stemnet({"accounts", "grant", email, role, scope, "--db", db_});
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  HttpResponse call(const std::string& method, const std::string& target, const ApiSession* s,
                    const std::string& body = "") {
    return api_call(port(), method, target, s, body);
  }
  // The moves the request's page offers `who` now.
  std::vector<std::string> moves(const std::string& id, const ApiSession& who) {
    auto res = call("GET", "/api/v1/requests/" + id, &who);
    EXPECT_EQ(res.status, 200) << res.body;
    std::vector<std::string> out;
    const auto got = json::parse(res.body);
    for (const auto& m : got.at("allowed_moves").as_array()) out.emplace_back(m.as_string());
    return out;
  }
  std::string slot(const std::string& from, const std::string& to, int capacity) {
    auto res = call("POST", "/api/v1/offers/" + offer_ + "/slots", &eva_,
                    R"({"starts_at":")" + from + R"(","ends_at":")" + to + R"(","capacity":)" +
                        std::to_string(capacity) + "}");
    EXPECT_EQ(res.status, 201) << res.body;
    return std::string(json::parse(res.body).at("id").as_string());
  }
  std::string request(const std::string& slot_id) {
    auto res = call(
        "POST", "/api/v1/requests", &kari_,
        R"({"offer_id":")" + offer_ + R"(","school":")" + kSchool +
            R"(","grade":9,"pupils":24,"wished":"uke 12","message":"Vi gleder oss!","slot_id":")" +
            slot_id + R"("})");
    EXPECT_EQ(res.status, 201) << res.body;
    return std::string(json::parse(res.body).at("id").as_string());
  }
  json::object body(const HttpResponse& r) { return json::parse(r.body).as_object(); }
  // The problem's code, or its first fault's (problem_codes.hpp).
  std::string code(const HttpResponse& r) { return refusal(r); }
  // A value of the problem's params (or of its first fault's), as JSON text.
  std::string param(const HttpResponse& r, const std::string& name) {
    auto o = body(r);
    const json::value* params = o.if_contains("params");
    if (!params && o.contains("errors"))
      params = o.at("errors").at(0).as_object().if_contains("params");
    if (!params || !params->as_object().contains(name)) return "(none)";
    return json::serialize(params->as_object().at(name));
  }
  TempDir dir_;
  std::string db_, offer_, past_slot_, future_slot_;
  std::unique_ptr<ServerProcess> server_;
  ApiSession eva_, kari_;
};

TEST_F(BookingApi, RequestAcceptCompleteFeedback) {
  const std::string id = request(past_slot_);
  auto seen = call("GET", "/api/v1/requests/" + id, &eva_);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(body(seen).at("state").as_string(), "requested");
  EXPECT_EQ(body(seen).at("messages").as_array()[0].at("body").as_string(), "Vi gleder oss!");
  auto accepted = call("POST", "/api/v1/requests/" + id + "/accept", &eva_,
                       R"({"slot_id":")" + past_slot_ + R"("})");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(body(accepted).at("state").as_string(), "accepted");
  // Its time has passed: completed or not held, no longer cancelled.
  EXPECT_EQ(moves(id, kari_), (std::vector<std::string>{"complete", "not_held"}));
  auto done = call("POST", "/api/v1/requests/" + id + "/complete", &kari_);
  ASSERT_EQ(done.status, 200) << done.body;
  auto fb = call("POST", "/api/v1/requests/" + id + "/feedback", &kari_,
                 R"({"score":5,"comment":"Flott!","pupils_reached":24,"girls":11,"boys":13})");
  EXPECT_EQ(fb.status, 200) << fb.body;
  EXPECT_EQ(call("POST", "/api/v1/requests/" + id + "/feedback", &kari_, R"({"score":4})").status,
            409);
  EXPECT_EQ(call("POST", "/api/v1/requests/" + id + "/feedback", &eva_,
                 R"({"score":4,"comment":"Bra klasse"})")
                .status,
            200);
  auto mine = call("GET", "/api/v1/requests", &kari_);
  EXPECT_EQ(body(mine).at("total").as_int64(), 1);

  // Impact, public: one booking, 24 pupils (11 girls, 13 boys), one hour (the offer's 60
  // minutes); one school in one municipality is under 5, withheld.
  auto impact = call("GET", "/api/v1/organisations/org:923456783/impact", nullptr);
  ASSERT_EQ(impact.status, 200) << impact.body;
  const auto years = body(impact);
  ASSERT_EQ(years.at("items").as_array().size(), 1u);
  const auto& y = years.at("items").as_array()[0].as_object();
  EXPECT_EQ(y.at("year").as_int64(), 2020);
  EXPECT_EQ(y.at("bookings").as_int64(), 1);
  EXPECT_TRUE(y.at("schools").is_null());
  EXPECT_TRUE(y.at("municipalities").is_null());
  EXPECT_TRUE(years.at("all_years").at("schools").is_null());
  EXPECT_EQ(y.at("pupils").as_int64(), 24);
  EXPECT_EQ(y.at("girls").as_int64(), 11);
  EXPECT_EQ(y.at("hours").to_number<double>(), 1.0);
  EXPECT_EQ(y.at("average_feedback").to_number<double>(), 5.0);
  auto csv = call("GET", "/api/v1/organisations/org:923456783/impact?format=csv", nullptr);
  EXPECT_EQ(
      csv.body,
      "year,bookings,schools,municipalities,pupils,girls,boys,hours,average_feedback,feedbacks\r\n"
      "2020,1,,,24,11,13,1,5,1\r\n");
  auto for_school =
      call("GET", std::string("/api/v1/organisations/school:") + kSchool + "/impact", nullptr);
  EXPECT_EQ(body(for_school).at("items").as_array()[0].at("average_feedback").to_number<double>(),
            4.0);
  EXPECT_EQ(call("GET", "/api/v1/organisations/org:000000000/impact", nullptr).status, 404);
}

TEST_F(BookingApi, SmallPupilCountsAreWithheld) {
  const std::string id = request(past_slot_);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/accept", &eva_,
                 R"({"slot_id":")" + past_slot_ + R"("})")
                .status,
            200);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/complete", &eva_).status, 200);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/feedback", &kari_,
                 R"({"score":4,"comment":"","pupils_reached":12,"girls":3,"boys":9})")
                .status,
            200);
  const auto years = body(call("GET", "/api/v1/organisations/org:923456783/impact", nullptr));
  const auto& y = years.at("items").as_array()[0].as_object();
  EXPECT_EQ(y.at("pupils").as_int64(), 12);
  EXPECT_TRUE(y.at("girls").is_null());  // 3 girls: under 5, never shown
  EXPECT_TRUE(y.at("boys").is_null());   // nor the boys, from which 12 - 9 would tell the girls
}

TEST_F(BookingApi, ImpactOnlyForApprovedProvidersAndKnownSlots) {
  auto per = signup_session(port(), "per@ny.test");
  ASSERT_EQ(call("POST", "/api/v1/organisations", &per,
                 R"({"kind":"company","name":"Ny AS","orgnr":"923456791","municipality":"0301"})")
                .status,
            201);
  EXPECT_EQ(call("GET", "/api/v1/organisations/org:923456791/impact", nullptr).status,
            404);  // pending
  const std::string id = request(future_slot_);
  auto wrong =
      call("POST", "/api/v1/requests/" + id + "/accept", &eva_, R"({"slot_id":"no-such-slot"})");
  EXPECT_EQ(wrong.status, 400) << wrong.body;
}

// Free text has a limit in characters (not bytes), and no name or text
// holds U+0000: both 400 naming the member.
TEST_F(BookingApi, FreeTextIsBoundedAndHoldsNoNul) {
  const std::string id = request(future_slot_);
  auto param = [this](const HttpResponse& r) {
    return r.status == 400 ? std::string(body(r).at("param").as_string()) : r.body;
  };
  auto too_long = call("POST", "/api/v1/requests/" + id + "/decline", &eva_,
                       R"({"reason":")" + std::string(1001, 'x') + R"("})");
  EXPECT_EQ(too_long.status, 400) << too_long.body;
  EXPECT_EQ(param(too_long), "reason");
  auto nul =
      call("POST", "/api/v1/requests/" + id + "/messages", &eva_, R"({"body":"hei\u0000du"})");
  EXPECT_EQ(nul.status, 400) << nul.body;
  EXPECT_EQ(param(nul), "body");
  auto nul_name = call("POST", "/api/v1/organisations", &eva_,
                       R"({"kind":"company","name":"Null\u0000 AS","orgnr":"974760673",)"
                       R"("municipality":"3116"})");
  EXPECT_EQ(nul_name.status, 400) << nul_name.body;
  EXPECT_EQ(param(nul_name), "name");
  auto signup = call("POST", "/api/v1/auth/signup", nullptr,
                     R"({"email":"nul@skole.test","name":"Kari\u0000Nordmann",)"
                     R"("password":"a long enough password"})");
  EXPECT_EQ(signup.status, 400) << signup.body;
  EXPECT_EQ(param(signup), "name");
  auto wished =
      call("POST", "/api/v1/requests", &kari_,
           R"({"offer_id":")" + offer_ + R"(","school":")" + kSchool +
               R"(","grade":9,"pupils":24,"wished":")" + std::string(1001, 'w') + R"("})");
  EXPECT_EQ(wished.status, 400) << wished.body;
  EXPECT_EQ(param(wished), "wished");
  // 1000 characters of two bytes each are within the limit.
  std::string reason;
  for (int i = 0; i < 1000; ++i) reason += "\xC3\xA6";  // æ
  auto declined = call("POST", "/api/v1/requests/" + id + "/decline", &eva_,
                       R"({"reason":")" + reason + R"("})");
  EXPECT_EQ(declined.status, 200) << declined.body;
}

TEST_F(BookingApi, IllegalMovesName409AndTheAllowedOnes) {
  const std::string id = request(future_slot_);
  auto early = call("POST", "/api/v1/requests/" + id + "/complete", &eva_);
  EXPECT_EQ(early.status, 409);
  EXPECT_NE(early.body.find("allowed now: accept, propose, decline, cancel"), std::string::npos)
      << early.body;
  EXPECT_NE(early.body.find("/problems/illegal-move"), std::string::npos);
  // The school cannot accept its own request; the provider cannot give the school's feedback.
  EXPECT_EQ(call("POST", "/api/v1/requests/" + id + "/accept", &kari_).status, 409);
  auto proposed =
      call("POST", "/api/v1/requests/" + id + "/propose", &eva_, R"({"time":"2099-04-02T10:00"})");
  ASSERT_EQ(proposed.status, 200) << proposed.body;
  auto accepted = call("POST", "/api/v1/requests/" + id + "/accept", &kari_);
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(body(accepted).at("proposed_time").as_string(), "2099-04-02T10:00");
  // The page offers what may be done now: before the visit, cancel, not complete.
  EXPECT_EQ(moves(id, kari_), std::vector<std::string>{"cancel"});
  EXPECT_EQ(call("POST", "/api/v1/requests/" + id + "/complete", &kari_).status,
            409);  // not yet happened
  EXPECT_EQ(call("POST", "/api/v1/requests/" + id + "/cancel", &kari_).status,
            400);  // needs a reason
  auto cancelled =
      call("POST", "/api/v1/requests/" + id + "/cancel", &kari_, R"({"reason":"sykdom"})");
  EXPECT_EQ(cancelled.status, 200);
  EXPECT_EQ(call("POST", "/api/v1/requests/" + id + "/teleport", &kari_).status, 404);
}

TEST_F(BookingApi, OutsidersNeitherSeeNorMove) {
  const std::string id = request(future_slot_);
  auto other_teacher = signup_session(port(), "ola@annen.test");
  grant("ola@annen.test", "teacher", "school:974795655");
  auto other_provider = signup_session(port(), "per@konkurrent.test");
  for (const auto* s : {&other_teacher, &other_provider}) {
    EXPECT_EQ(call("GET", "/api/v1/requests/" + id, s).status, 404);
    EXPECT_EQ(call("POST", "/api/v1/requests/" + id + "/accept", s,
                   R"({"slot_id":")" + future_slot_ + R"("})")
                  .status,
              404);
    EXPECT_EQ(call("POST", "/api/v1/requests/" + id + "/messages", s, R"({"body":"hei"})").status,
              404);
  }
  EXPECT_EQ(call("GET", "/api/v1/requests/" + id, nullptr).status, 401);
  // A teacher requests only for their own school.
  auto for_other = call(
      "POST", "/api/v1/requests", &other_teacher,
      R"({"offer_id":")" + offer_ + R"(","school":")" + kSchool + R"(","grade":9,"pupils":20})");
  EXPECT_EQ(for_other.status, 403);
  EXPECT_EQ(code(for_other), "booking.not_your_school");
}

// Each refusal a person can meet names its stable code (and the values its text needs), in the
// order the steps run: the second acceptance of a one-place slot finds it full.
TEST_F(BookingApi, RefusalsNameTheirCodes) {
  const std::string id = request(future_slot_), second = request(future_slot_);
  const std::string req = "/api/v1/requests/";
  auto wish = [](const std::string& week) {
    return R"({"school":"975280640","grade":9,"pupils":24,"subjects":["physics"],"weeks":[")" +
           week + R"("],"note":"x"})";
  };
  struct Step {
    std::string method, target;
    const ApiSession* who;
    std::string body;
    int status;
    std::string code;
  };
  const std::vector<Step> steps = {
      {"GET", req + "no-such-request", &kari_, "", 404, "booking.request_not_found"},
      {"POST", req + id + "/complete", &eva_, "", 409, "booking.illegal_move"},
      {"POST", req + id + "/accept", &eva_, R"({"slot_id":"no-such-slot"})", 400,
       "/slot_id booking.slot_not_in_offer"},
      {"POST", "/api/v1/requests", &kari_,
       R"({"offer_id":")" + offer_ + R"(","school":")" + kSchool + R"(","grade":5,"pupils":20})",
       400, "/grade booking.grade_outside_offer"},
      // The offer takes 30 pupils at once (its capacity); a larger group asks per class.
      {"POST", "/api/v1/requests", &kari_,
       R"({"offer_id":")" + offer_ + R"(","school":")" + kSchool + R"(","grade":9,"pupils":31})",
       400, "/pupils booking.pupils_over_capacity"},
      {"POST", "/api/v1/requests", &kari_,
       R"({"offer_id":"no-such-offer","school":")" + std::string(kSchool) +
           R"(","grade":9,"pupils":20})",
       404, "booking.offer_not_found"},
      {"POST", req + id + "/accept", &eva_, R"({"slot_id":")" + future_slot_ + R"("})", 200, ""},
      {"POST", req + second + "/accept", &eva_, R"({"slot_id":")" + future_slot_ + R"("})", 409,
       "booking.slot_full"},
      {"POST", req + id + "/not_held", &eva_, R"({"reason":"storm"})", 409,
       "booking.not_held_too_early"},
      {"POST", req + id + "/complete", &kari_, "", 409, "booking.complete_too_early"},
      {"GET", "/api/v1/bookings/" + second + ".ics", &kari_, "", 404, "booking.no_agreed_time"},
      {"GET", "/api/v1/calendar/not-a-token.ics", nullptr, "", 404, "booking.calendar_not_found"},
      {"GET", "/api/v1/organisations/org:000000000/impact", nullptr, "", 404,
       "booking.organisation_not_found"},
      {"POST", "/api/v1/open-requests", &kari_, wish("2020-W01"), 400,
       "/weeks/0 booking.week_passed"},
      {"POST", "/api/v1/open-requests", &kari_, wish("2098-W53"), 400,
       "/weeks/0 booking.no_week_53"},
      {"GET", "/api/v1/open-requests/no-such-wish", &kari_, "", 404,
       "booking.open_request_not_found"},
  };
  for (const auto& s : steps) {
    auto res = call(s.method, s.target, s.who, s.body);
    EXPECT_EQ(res.status, s.status) << s.method << " " << s.target << ": " << res.body;
    if (!s.code.empty()) EXPECT_EQ(code(res), s.code) << s.method << " " << s.target;
    if (s.code == "booking.illegal_move") {
      EXPECT_EQ(param(res, "state"), R"("requested")");
      EXPECT_EQ(param(res, "move"), R"("complete")");
      EXPECT_EQ(param(res, "allowed"), R"("accept, propose, decline, cancel")");
    }
    if (s.code == "booking.slot_full") {
      EXPECT_EQ(body(res).at("type").as_string(), "https://stemnet.no/problems/slot-full");
      EXPECT_EQ(param(res, "capacity"), "1");
    }
    if (s.code == "/grade booking.grade_outside_offer") {
      EXPECT_EQ(param(res, "min"), "8");
      EXPECT_EQ(param(res, "max"), "10");
    }
  }
}

TEST_F(BookingApi, NoSlotIsOverbookedWhenAcceptancesRace) {
  constexpr int kRacers = 8;
  std::vector<std::string> ids;
  for (int i = 0; i < kRacers; ++i) ids.push_back(request(future_slot_));
  std::atomic<int> ok = 0, full = 0, other = 0;
  std::vector<std::thread> threads;
  for (const auto& id : ids) {
    threads.emplace_back([&, id] {
      auto r = call("POST", "/api/v1/requests/" + id + "/accept", &eva_,
                    R"({"slot_id":")" + future_slot_ + R"("})");
      if (r.status == 200) {
        ++ok;
      } else if (r.status == 409 && r.body.find("slot-full") != std::string::npos) {
        ++full;
      } else {
        ++other;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok, 1);  // capacity 1: one class gets it
  EXPECT_EQ(full, kRacers - 1);
  EXPECT_EQ(other, 0);
  auto slots = call("GET", "/api/v1/offers/" + offer_ + "/slots", nullptr);
  const auto list = body(slots);  // kept alive for the loop
  for (const auto& s : list.at("items").as_array()) {
    if (s.at("id").as_string() == future_slot_) {
      EXPECT_EQ(s.at("booked").as_int64(), 1);
    }
  }
}

}  // namespace
}  // namespace stemnet::testing

namespace stemnet::testing {
namespace {

TEST_F(BookingApi, BookingsAsICalendarAndAPersonalFeed) {
  const std::string id = request(future_slot_);
  EXPECT_EQ(call("GET", "/api/v1/bookings/" + id + ".ics", &kari_).status,
            404);  // no agreed time yet
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/accept", &eva_,
                 R"({"slot_id":")" + future_slot_ + R"("})")
                .status,
            200);
  auto ics = call("GET", "/api/v1/bookings/" + id + ".ics", &kari_);
  ASSERT_EQ(ics.status, 200) << ics.body;
  EXPECT_TRUE(ics.header("content-type").starts_with("text/calendar"));
  EXPECT_NE(ics.body.find("UID:" + id + "@stemnet.no\r\n"), std::string::npos) << ics.body;
  EXPECT_NE(ics.body.find("DTSTART;TZID=Europe/Oslo:20990316T090000\r\n"), std::string::npos);
  EXPECT_NE(ics.body.find("STATUS:CONFIRMED"), std::string::npos);
  const auto sequence_of = [](const std::string& body) {
    const auto at = body.find("SEQUENCE:");
    return std::stoi(body.substr(at + 9, body.find("\r\n", at) - at - 9));
  };
  const int before = sequence_of(ics.body);
  auto outsider = signup_session(port(), "ola@annen.test");
  EXPECT_EQ(call("GET", "/api/v1/bookings/" + id + ".ics", &outsider).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/bookings/" + id + ".ics", nullptr).status, 401);

  auto feed = call("POST", "/api/v1/calendar", &eva_);
  ASSERT_EQ(feed.status, 201) << feed.body;
  const std::string url(json::parse(feed.body).at("url").as_string());
  auto events = call("GET", url, nullptr);  // the secret address is the credential
  ASSERT_EQ(events.status, 200);
  EXPECT_NE(events.body.find("UID:" + id + "@stemnet.no"), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/calendar/not-a-token.ics", nullptr).status, 404);

  ASSERT_EQ(
      call("POST", "/api/v1/requests/" + id + "/cancel", &eva_, R"({"reason":"storm"})").status,
      200);
  auto cancelled = call("GET", "/api/v1/bookings/" + id + ".ics", &kari_);
  ASSERT_EQ(cancelled.status, 200);
  EXPECT_NE(cancelled.body.find("METHOD:CANCEL"), std::string::npos);
  EXPECT_NE(cancelled.body.find("STATUS:CANCELLED"), std::string::npos);
  EXPECT_GT(sequence_of(cancelled.body), before);
}

}  // namespace
}  // namespace stemnet::testing

namespace stemnet::testing {
namespace {

TEST_F(BookingApi, TheServerRecomputesTheIndicatorsWhenABookingCompletes) {
  ASSERT_EQ(run_stemnet({"monitor", "catalogue", "--db", db_}).exit_code, 0);
  auto engaged = [&] {
    auto res = call("GET", "/api/v1/indicators/schools_engaged", nullptr);
    return res.status == 200 && body(res).at("has_data").as_bool();
  };
  EXPECT_FALSE(engaged());
  const std::string id = request(past_slot_);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/accept", &eva_,
                 R"({"slot_id":")" + past_slot_ + R"("})")
                .status,
            200);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/complete", &eva_).status, 200);
  // Nobody runs `stemnet monitor compute`: the server's worker does, within seconds.
  bool seen = false;
  for (int i = 0; i < 100 && !seen; ++i) {
    seen = engaged();
    if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_TRUE(seen) << "schools_engaged has no data 10 s after a booking completed";
  auto csv = call("GET", "/api/v1/indicators/schools_engaged/data?area=3116&format=csv", nullptr);
  EXPECT_NE(csv.body.find("schools_engaged,municipality,3116,Skiptvet,2020,"), std::string::npos)
      << csv.body;
}

TEST_F(BookingApi, CompletedBookingsFeedTheMonitor) {
  // Without the indicator catalogue there is nothing to write to: skipped, said, not an error
  // (the server's worker runs this every few minutes on a fresh database too).
  auto uncatalogued = run_stemnet({"monitor", "compute", "--db", db_});
  EXPECT_EQ(uncatalogued.exit_code, 0) << uncatalogued.out;
  EXPECT_NE(uncatalogued.out.find("cold_spots: not in the indicator catalogue, skipped"),
            std::string::npos)
      << uncatalogued.out;
  ASSERT_EQ(run_stemnet({"monitor", "catalogue", "--db", db_}).exit_code, 0);
  auto none = run_stemnet({"monitor", "compute", "--db", db_});
  EXPECT_NE(none.out.find("nothing to compute"), std::string::npos) << none.out;
  const std::string id = request(past_slot_);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/accept", &eva_,
                 R"({"slot_id":")" + past_slot_ + R"("})")
                .status,
            200);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/complete", &eva_).status, 200);
  auto first = run_stemnet({"monitor", "compute", "--db", db_});
  ASSERT_EQ(first.exit_code, 0) << first.out;
  auto again = run_stemnet({"monitor", "compute", "--db", db_});
  EXPECT_NE(again.out.find("unchanged"), std::string::npos) << again.out;
  auto csv = call("GET", "/api/v1/indicators/schools_engaged/data?area=3116&format=csv", nullptr);
  ASSERT_EQ(csv.status, 200) << csv.body;
  // Skiptvet: one of its schools engaged in 2020; every other municipality 0.
  EXPECT_NE(csv.body.find("schools_engaged,municipality,3116,Skiptvet,2020,"), std::string::npos)
      << csv.body;
  EXPECT_EQ(csv.body.find(",0,"), std::string::npos) << csv.body;
  auto oslo = call("GET", "/api/v1/indicators/schools_engaged/data?area=0301&format=csv", nullptr);
  EXPECT_NE(oslo.body.find("0301,Oslo,2020,0,"), std::string::npos) << oslo.body;
  auto detail = body(call("GET", "/api/v1/indicators/schools_engaged", nullptr));
  EXPECT_TRUE(detail.at("has_data").as_bool());
  EXPECT_EQ(detail.at("provenance").as_array()[0].at("kind").as_string(), "computed");

  // The gaps, for this year: Eva's visit (40 km from Skiptvet) reaches Skiptvet, not Tromsø.
  char year[8];
  const std::time_t now = std::time(nullptr);
  std::strftime(year, sizeof year, "%Y", std::localtime(&now));
  auto reach =
      call("GET", "/api/v1/indicators/offers_in_reach/data?level=municipality&format=csv", nullptr);
  ASSERT_EQ(reach.status, 200) << reach.body;
  EXPECT_NE(
      reach.body.find("offers_in_reach,municipality,3116,Skiptvet," + std::string(year) + ",1"),
      std::string::npos)
      << reach.body.substr(0, 400);
  EXPECT_NE(reach.body.find("5501,Tromsø," + std::string(year) + ",0"), std::string::npos);
  auto cold = call("GET", "/api/v1/indicators/cold_spots/data?area=5501&format=csv", nullptr);
  EXPECT_NE(cold.body.find("5501,Tromsø," + std::string(year) + ",100"), std::string::npos)
      << cold.body;
}

// Issue 15, item 4: every figure per 1 000 pupils divides by Udir's pupils
// (grades 1-10, GSI), not by the tested grades; without them there is none.
TEST_F(BookingApi, FiguresPerThousandPupilsUseUdirsPupils) {
  ASSERT_EQ(run_stemnet({"monitor", "catalogue", "--db", db_}).exit_code, 0);
  const std::string id = request(past_slot_);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/accept", &eva_,
                 R"({"slot_id":")" + past_slot_ + R"("})")
                .status,
            200);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/complete", &kari_).status, 200);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/feedback", &kari_,
                 R"({"score":5,"comment":"Flott!","pupils_reached":24})")
                .status,
            200);
  auto skiptvet = [&] {
    auto res = call("GET", "/api/v1/gaps?level=municipality&period=2020", nullptr);
    EXPECT_EQ(res.status, 200) << res.body;
    const auto page = body(res);
    for (const auto& g : page.at("items").as_array())
      if (g.at("code").as_string() == "3116") return std::make_pair(page, g.as_object());
    return std::make_pair(json::object{}, json::object{});
  };
  auto [before, g0] = skiptvet();
  EXPECT_TRUE(before.at("pupils_period").is_null());
  EXPECT_TRUE(g0.at("pupils").is_null());
  EXPECT_TRUE(g0.at("bookings_per_1000_pupils").is_null());  // no denominator, no figure
  EXPECT_EQ(g0.at("pupils_reached").as_int64(), 24);

  auto loaded = run_stemnet({"import", "figures", "data/reference", "--db", db_});
  ASSERT_EQ(loaded.exit_code, 0) << loaded.out;
  auto [after, g] = skiptvet();
  EXPECT_EQ(after.at("pupils_period").as_string(), "2025-26");
  EXPECT_EQ(g.at("pupils").as_int64(), 450);  // Skiptvet in Udir's GSI 2025-26
  EXPECT_NEAR(g.at("bookings_per_1000_pupils").to_number<double>(), 1000.0 / 450, 1e-9);
  EXPECT_NEAR(g.at("pupils_reached_per_1000_pupils").to_number<double>(), 24000.0 / 450, 1e-9);
  auto counties = body(call("GET", "/api/v1/gaps?level=county&period=2020", nullptr));
  for (const auto& c : counties.at("items").as_array()) {
    if (c.at("code").as_string() == "31") EXPECT_EQ(c.at("pupils").as_int64(), 34585);  // Østfold
  }

  // The monitor's bookings_per_1000_pupils (this year, none here) and the
  // provenance of what was computed name Udir's pupils.
  auto computed = run_stemnet({"monitor", "compute", "--db", db_});
  ASSERT_EQ(computed.exit_code, 0) << computed.out;
  auto detail = body(call("GET", "/api/v1/indicators/bookings_per_1000_pupils", nullptr));
  ASSERT_FALSE(detail.at("provenance").as_array().empty());
  EXPECT_NE(std::string(detail.at("provenance").as_array()[0].at("file").as_string())
                .find("Udir's pupils 2025-26"),
            std::string::npos);
  // A workplace visit is no role-model talk: its 24 pupils did not meet a role model.
  auto met =
      call("GET", "/api/v1/indicators/pupils_met_role_model/data?area=3116&format=csv", nullptr);
  EXPECT_NE(met.body.find("pupils_met_role_model,municipality,3116,Skiptvet,2020,0,"),
            std::string::npos)
      << met.body;
}

}  // namespace
}  // namespace stemnet::testing

namespace stemnet::testing {
namespace {

// The unsubscribe link of a mail (the List-Unsubscribe header).
std::string unsubscribe_link(const std::string& mail) {
  const auto at = mail.find("List-Unsubscribe: <");
  if (at == std::string::npos) return "";
  const auto start = at + 19;
  return mail.substr(start, mail.find('>', start) - start);
}

TEST_F(BookingApi, EachSideIsToldByMailAndCanUnsubscribe) {
  const std::string mail_dir = dir_.path() + "/mail";
  // Eva was told that her organisation is approved.
  auto approved = mails_to(wait_for_mails(mail_dir, 1), "eva@fjordkraft.test");
  ASSERT_EQ(approved.size(), 1u);
  EXPECT_NE(approved[0].find("Fjordkraft Testdata AS er godkjent"), std::string::npos);
  const std::string id = request(future_slot_);
  // The provider's member hears of the new request, in bokmål, with a link to it.
  auto to_eva = mails_to(wait_for_mails(mail_dir, 2), "eva@fjordkraft.test");
  ASSERT_EQ(to_eva.size(), 2u);
  std::erase_if(to_eva, [&](const std::string& m) { return m.find(id) == std::string::npos; });
  ASSERT_EQ(to_eva.size(), 1u);
  EXPECT_NE(to_eva[0].find("Subject: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(to_eva[0].find("/foresporsel/" + id), std::string::npos);
  EXPECT_NE(to_eva[0].find("List-Unsubscribe-Post: List-Unsubscribe=One-Click"), std::string::npos);
  EXPECT_TRUE(mails_to(mails_in(mail_dir), "kari@skole.test").empty()) << "not the one who asked";

  // Kari chooses English for nothing, but turns off mails about messages.
  auto prefs = call("GET", "/api/v1/me/notifications", &kari_);
  ASSERT_EQ(prefs.status, 200) << prefs.body;
  EXPECT_EQ(body(prefs).at("items").as_array().size(), 8u);
  EXPECT_EQ(call("PATCH", "/api/v1/me/notifications", &kari_, R"({"request_message":"no"})").status,
            400);
  EXPECT_EQ(call("PATCH", "/api/v1/me/notifications", &kari_, R"({"password_reset":false})").status,
            400);
  auto off = call("PATCH", "/api/v1/me/notifications", &kari_, R"({"request_message":false})");
  ASSERT_EQ(off.status, 200) << off.body;

  // Eva accepts and writes: Kari is told of the acceptance, not of the message.
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/accept", &eva_,
                 R"({"slot_id":")" + future_slot_ + R"("})")
                .status,
            200);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/messages", &eva_,
                 R"({"body":"Velkommen! Ta med gode sko."})")
                .status,
            201);
  auto to_kari = mails_to(wait_for_mails(mail_dir, 3), "kari@skole.test");
  ASSERT_EQ(to_kari.size(), 1u);
  // A message from Kari reaches Eva, who then unsubscribes with one click.
  ASSERT_EQ(
      call("POST", "/api/v1/requests/" + id + "/messages", &kari_, R"({"body":"Takk!"})").status,
      201);
  auto messages = mails_to(wait_for_mails(mail_dir, 4), "eva@fjordkraft.test");
  ASSERT_EQ(messages.size(), 3u);
  std::erase_if(messages,
                [](const std::string& m) { return m.find("Takk!") == std::string::npos; });
  ASSERT_EQ(messages.size(), 1u);
  const std::string& message_mail = messages[0];
  const std::string link = unsubscribe_link(message_mail);
  ASSERT_FALSE(link.empty()) << message_mail;
  const std::string path = link.substr(link.find("/api/v1/unsubscribe/"));
  auto page = call("GET", path, nullptr);
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(page.body.find("<form method=\"post\">"), std::string::npos) << "a GET changes nothing";
  HttpConnection c(port());
  auto one_click = c.request("POST", path, {{"Content-Type", "application/x-www-form-urlencoded"}},
                             "List-Unsubscribe=One-Click");
  EXPECT_EQ(one_click.status, 200) << one_click.body;
  EXPECT_EQ(call("POST", "/api/v1/unsubscribe/not-a-token", nullptr).status, 404);
  auto eva_prefs = body(call("GET", "/api/v1/me/notifications", &eva_));
  for (const auto& p : eva_prefs.at("items").as_array()) {
    EXPECT_EQ(p.at("enabled").as_bool(), p.at("kind").as_string() != "request_message")
        << p.at("kind").as_string();
  }
  ASSERT_EQ(
      call("POST", "/api/v1/requests/" + id + "/messages", &kari_, R"({"body":"Igjen"})").status,
      201);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));  // the worker's second
  EXPECT_EQ(mails_to(mails_in(mail_dir), "eva@fjordkraft.test").size(), 3u);
}

}  // namespace
}  // namespace stemnet::testing

namespace stemnet::testing {
namespace {

TEST_F(BookingApi, OpenRequestAnsweredAndTaken) {
  const std::string wish =
      R"({"school":"975280640","grade":9,"pupils":24,"subjects":["natural_science"],)"
      R"("formats":["role_model_talk","workplace_visit"],"digital_ok":true,)"
      R"("weeks":["2099-W12","2099-W11","2099-W12"],"note":"Noen som kan snakke om energi"})";
  // Refusals first: nobody else posts for the school; bad fields are named.
  auto stranger = signup_session(port(), "per@annen.test");
  auto for_other = call("POST", "/api/v1/open-requests", &stranger, wish);
  EXPECT_EQ(for_other.status, 403);
  EXPECT_EQ(code(for_other), "booking.not_your_school");
  EXPECT_EQ(call("POST", "/api/v1/open-requests", nullptr, wish).status, 401);
  struct Bad {
    std::string body, field, code;
  };
  auto wish_with = [](const std::string& members) {
    return R"({"school":"975280640","pupils":24,"note":"x",)" + members + "}";
  };
  for (const auto& [bad, field, expected] :
       std::vector<Bad>{{wish_with(R"("grade":9,"subjects":[],"weeks":["2099-W12"])"), "subjects",
                         "/subjects validation.too_few_items"},
                        {wish_with(R"("grade":9,"subjects":["alchemy"],"weeks":["2099-W12"])"),
                         "subjects", "/subjects/0 validation.not_allowed"},
                        {wish_with(R"("grade":9,"subjects":["physics"],"weeks":["2099-W60"])"),
                         "weeks", "/weeks/0 validation.bad_format"},
                        {wish_with(R"("grade":"9","subjects":["physics"],"weeks":["2099-W12"])"),
                         "grade", "/grade validation.wrong_type"},
                        {wish_with(R"("grade":9,"subjects":["physics"],"weeks":["2098-W53"])"),
                         "weeks", "/weeks/0 booking.no_week_53"},
                        {wish_with(R"("grade":9,"subjects":["physics"],"weeks":["2020-W01"])"),
                         "weeks", "/weeks/0 booking.week_passed"}}) {
    auto res = call("POST", "/api/v1/open-requests", &kari_, bad);
    EXPECT_EQ(res.status, 400) << bad;
    EXPECT_EQ(code(res), expected) << bad;
    // The member, or (checked against the API document) the item in it: "weeks[0]".
    EXPECT_TRUE(body(res).at("param").as_string().starts_with(field)) << res.body;
  }

  auto coordinator = signup_session(port(), "ola@ostfold.test");
  grant("ola@ostfold.test", "coordinator", "31");
  auto elsewhere = signup_session(port(), "siv@agder.test");
  grant("siv@agder.test", "coordinator", "42");

  auto posted = call("POST", "/api/v1/open-requests", &kari_, wish);
  ASSERT_EQ(posted.status, 201) << posted.body;
  const auto open = body(posted);
  const std::string id(open.at("id").as_string());
  EXPECT_EQ(open.at("state").as_string(), "open");
  EXPECT_EQ(open.at("weeks").as_array().size(), 2u) << "sorted, once each";
  EXPECT_EQ(open.at("school").at("county").at("number").as_string(), "31");
  EXPECT_EQ(open.at("allowed").as_array(), (json::array{"withdraw"}));

  // Who sees it: the provider and the region's coordinator, not another region's.
  EXPECT_EQ(body(call("GET", "/api/v1/open-requests?state=open", &eva_)).at("total").as_int64(), 1);
  EXPECT_EQ(body(call("GET", "/api/v1/open-requests", &coordinator)).at("total").as_int64(), 1);
  EXPECT_EQ(body(call("GET", "/api/v1/open-requests", &elsewhere)).at("total").as_int64(), 0);
  EXPECT_EQ(call("GET", "/api/v1/open-requests/" + id, &elsewhere).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/open-requests/" + id, &stranger).status, 404);
  EXPECT_EQ(call("GET", "/api/v1/open-requests", nullptr).status, 401);
  EXPECT_EQ(
      call("GET", "/api/v1/open-requests?county=31&subject=natural_science&grade=9", &eva_).status,
      200);
  EXPECT_EQ(
      body(call("GET", "/api/v1/open-requests?subject=physics", &eva_)).at("total").as_int64(), 0);
  EXPECT_EQ(call("GET", "/api/v1/open-requests?state=lost", &eva_).status, 400);
  // The region's coordinator was told by mail.
  auto told = mails_to(wait_for_mails(dir_.path() + "/mail", 2), "ola@ostfold.test");
  ASSERT_EQ(told.size(), 1u);
  EXPECT_NE(told[0].find("/apne-foresporsler/" + id), std::string::npos);

  // Answers: the coordinator suggests without an offer; the provider answers
  // with its offer and a slot. The school cannot take an answer without an offer.
  auto suggestion = call("POST", "/api/v1/open-requests/" + id + "/answers", &coordinator,
                         R"({"body":"Jeg spør noen i nettverket."})");
  ASSERT_EQ(suggestion.status, 201) << suggestion.body;
  EXPECT_EQ(
      call("POST", "/api/v1/open-requests/" + id + "/answers", &elsewhere, R"({"body":"Hei"})")
          .status,
      404);
  auto school_answers =
      call("POST", "/api/v1/open-requests/" + id + "/answers", &kari_, R"({"body":"Hei"})");
  EXPECT_EQ(school_answers.status, 403);
  EXPECT_EQ(code(school_answers), "booking.school_cannot_answer");
  auto unknown_offer = call("POST", "/api/v1/open-requests/" + id + "/answers", &eva_,
                            R"({"body":"Vi kan","offer_id":"nope"})");
  EXPECT_EQ(unknown_offer.status, 400);
  EXPECT_EQ(code(unknown_offer), "/offer_id booking.offer_not_found");
  auto answered = call("POST", "/api/v1/open-requests/" + id + "/answers", &eva_,
                       R"({"body":"Vi kommer gjerne!","offer_id":")" + offer_ + R"(","slot_id":")" +
                           future_slot_ + R"("})");
  ASSERT_EQ(answered.status, 201) << answered.body;
  // Eva sees her own answer only; Kari sees both and may now take one.
  EXPECT_EQ(body(answered).at("answers").as_array().size(), 1u);
  auto seen = body(call("GET", "/api/v1/open-requests/" + id, &kari_));
  const auto& answers = seen.at("answers").as_array();
  ASSERT_EQ(answers.size(), 2u);
  EXPECT_EQ(seen.at("allowed").as_array(), (json::array{"take", "withdraw"}));
  const std::string coordinator_answer(answers[0].at("id").as_string());
  const std::string provider_answer(answers[1].at("id").as_string());
  EXPECT_EQ(answers[1].at("organisation").at("name").as_string(), "Fjordkraft Testdata AS");
  auto no_offer = call("POST", "/api/v1/open-requests/" + id + "/take", &kari_,
                       R"({"answer_id":")" + coordinator_answer + R"("})");
  EXPECT_EQ(no_offer.status, 400);
  EXPECT_EQ(code(no_offer), "/answer_id booking.answer_without_offer");
  auto provider_takes = call("POST", "/api/v1/open-requests/" + id + "/take", &eva_,
                             R"({"answer_id":")" + provider_answer + R"("})");
  EXPECT_EQ(provider_takes.status, 403);
  EXPECT_EQ(code(provider_takes), "booking.school_only");

  auto taken = call("POST", "/api/v1/open-requests/" + id + "/take", &kari_,
                    R"({"answer_id":")" + provider_answer + R"("})");
  ASSERT_EQ(taken.status, 201) << taken.body;
  const auto request = body(taken);
  EXPECT_EQ(request.at("state").as_string(), "requested");
  EXPECT_EQ(request.at("slot").at("id").as_string(), future_slot_);
  EXPECT_EQ(request.at("offer").at("id").as_string(), offer_);
  EXPECT_EQ(request.at("wished").as_string(), "uke 11–12 2099");  // as people write weeks
  const std::string request_id(request.at("id").as_string());
  auto after = body(call("GET", "/api/v1/open-requests/" + id, &kari_));
  EXPECT_EQ(after.at("state").as_string(), "taken");
  EXPECT_EQ(after.at("request_id").as_string(), request_id);
  EXPECT_TRUE(after.at("allowed").as_array().empty());
  EXPECT_EQ(call("POST", "/api/v1/open-requests/" + id + "/take", &kari_,
                 R"({"answer_id":")" + provider_answer + R"("})")
                .status,
            409);
  EXPECT_EQ(call("POST", "/api/v1/open-requests/" + id + "/withdraw", &kari_).status, 409);
  // The provider can accept the request as any other.
  EXPECT_EQ(call("POST", "/api/v1/requests/" + request_id + "/accept", &eva_,
                 R"({"slot_id":")" + future_slot_ + R"("})")
                .status,
            200);

  // The coordinator sees the region's requests, read-only and without the thread.
  auto region = body(call("GET", "/api/v1/requests", &coordinator));
  ASSERT_EQ(region.at("total").as_int64(), 1);
  auto one = call("GET", "/api/v1/requests/" + request_id, &coordinator);
  ASSERT_EQ(one.status, 200) << one.body;
  EXPECT_TRUE(body(one).at("messages").as_array().empty());
  EXPECT_TRUE(body(one).at("allowed_moves").as_array().empty());
  EXPECT_EQ(call("POST", "/api/v1/requests/" + request_id + "/cancel", &coordinator,
                 R"({"reason":"nei"})")
                .status,
            404);
  EXPECT_EQ(body(call("GET", "/api/v1/requests", &elsewhere)).at("total").as_int64(), 0);
  EXPECT_EQ(call("GET", "/api/v1/requests/" + request_id, &elsewhere).status, 404);
}

TEST_F(BookingApi, WithdrawnOpenRequestTakesNoAnswers) {
  auto posted = call("POST", "/api/v1/open-requests", &kari_,
                     R"({"school":"975280640","grade":5,"pupils":20,"subjects":["mathematics"],)"
                     R"("weeks":["2099-W02"],"note":"Matte i praksis"})");
  ASSERT_EQ(posted.status, 201) << posted.body;
  const std::string id(body(posted).at("id").as_string());
  auto withdrawn = call("POST", "/api/v1/open-requests/" + id + "/withdraw", &kari_);
  ASSERT_EQ(withdrawn.status, 200);
  EXPECT_EQ(body(withdrawn).at("state").as_string(), "withdrawn");
  auto late = call("POST", "/api/v1/open-requests/" + id + "/answers", &eva_, R"({"body":"Hei"})");
  EXPECT_EQ(late.status, 409);
  EXPECT_EQ(body(late).at("type").as_string(), "https://stemnet.no/problems/illegal-move");
  EXPECT_EQ(code(late), "booking.open_request_closed");
  EXPECT_EQ(param(late, "state"), R"("withdrawn")");
  EXPECT_EQ(body(call("GET", "/api/v1/open-requests?state=open", &eva_)).at("total").as_int64(), 0);
}

TEST_F(BookingApi, FeedbackCountsMustAddUp) {
  const std::string id = request(past_slot_);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/accept", &eva_,
                 R"({"slot_id":")" + past_slot_ + R"("})")
                .status,
            200);
  ASSERT_EQ(call("POST", "/api/v1/requests/" + id + "/complete", &kari_).status, 200);
  struct Bad {
    std::string body, field, code;
  };
  for (const auto& [bad, field, expected] : std::vector<Bad>{
           {R"({"score":5,"pupils_reached":20,"girls":11,"boys":13})", "pupils_reached",
            "/pupils_reached booking.counts_exceed_reached"},
           // The document's dependentRequired: girls and boys need the total.
           {R"({"score":5,"girls":11})", "pupils_reached", "/pupils_reached validation.missing"},
           {R"({"score":5,"pupils_reached":-1})", "pupils_reached",
            "/pupils_reached validation.out_of_range"},
           {R"({"score":5,"pupils_reached":"24"})", "pupils_reached",
            "/pupils_reached validation.wrong_type"},
           {R"({"score":"5"})", "score", "/score validation.wrong_type"}}) {
    auto res = call("POST", "/api/v1/requests/" + id + "/feedback", &kari_, bad);
    EXPECT_EQ(res.status, 400) << bad;
    EXPECT_EQ(code(res), expected) << bad;
    EXPECT_TRUE(body(res).at("param").as_string().starts_with(field)) << res.body;
  }
  EXPECT_EQ(call("POST", "/api/v1/requests/" + id + "/feedback", &kari_,
                 R"({"score":5,"pupils_reached":24,"girls":11,"boys":13})")
                .status,
            200);
}

}  // namespace
}  // namespace stemnet::testing
