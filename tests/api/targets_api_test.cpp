// Targets over real HTTP (issue 15, item 6): a coordinator sets, changes and
// retires targets for their county and its municipalities, an admin anywhere
// and for all areas; who and why are kept; everyone else is refused; the
// profile and the progress list follow the active target.
#include "api_session.hpp"
#include "http_client.hpp"
#include "problem_codes.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <thread>
#include <vector>

namespace stemnet::testing {
namespace {
namespace json = boost::json;

class TargetsApi : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = stemnet::testing::fresh_db_url(dir_.path(), "t");
    for (std::vector<std::string> args :
         {std::vector<std::string>{"import", "reference", "data/reference"},
          {"monitor", "catalogue", "data/indicators/catalogue.json"},
          {"import", "udir",
           "data/reference/schools/udir_nasjonale_prover_5trinn_2025-26.utf16.tsv",
           "data/reference/schools/udir_nasjonale_prover_ungdomstrinn_2025-26.utf16.tsv"}}) {
      args.insert(args.end(), {"--db", db_});
      auto r = run_stemnet(args);
      ASSERT_EQ(r.exit_code, 0) << args[0] << " " << args[1] << ": " << r.out;
    }
    server_ = std::make_unique<ServerProcess>(db_);
    ASSERT_NE(server_->port(), 0);
    admin_ = signup_session(port(), "admin@stemnet.test", "Anne Admin");
    grant("admin@stemnet.test", "admin", "NO");
    oslo_ = signup_session(port(), "kari@oslo.test", "Kari Koordinator");
    grant("kari@oslo.test", "coordinator", "03");
    ostfold_ = signup_session(port(), "ola@ostfold.test", "Ola Østfold");
    grant("ola@ostfold.test", "coordinator", "31");
    stranger_ = signup_session(port(), "per@example.test", "Per Person");
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
  static json::object body(const HttpResponse& r) { return json::parse(r.body).as_object(); }
  // "<status> <code>", or for a validation problem "<status> <pointer> <code>" of its first fault.
  static std::string answer(const HttpResponse& r) {
    return std::to_string(r.status) + " " + refusal(r);
  }
  std::string set(const ApiSession* who, const std::string& body,
                  const std::string& indicator = "national_test_numeracy_5") {
    auto res = call("POST", "/api/v1/indicators/" + indicator + "/targets", who, body);
    if (res.status != 201) return answer(res);
    return std::string(TargetsApi::body(res).at("id").as_string());
  }
  // The profile's target for the indicator, or null.
  json::value profile_target(const std::string& area) {
    auto res = call("GET", "/api/v1/areas/" + area + "/profile", nullptr);
    EXPECT_EQ(res.status, 200) << res.body;
    const auto profile = body(res);
    for (const auto& e : profile.at("indicators").as_array()) {
      if (e.at("indicator").at("id") == "national_test_numeracy_5") return e.at("target");
    }
    return nullptr;
  }
  TempDir dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  ApiSession admin_, oslo_, ostfold_, stranger_;
};

TEST_F(TargetsApi, OutsidersAreRefusedEverywhere) {
  const std::string id = set(&oslo_, R"({"area":"03","value":52,"year":2030,"reason":"Plan"})");
  ASSERT_EQ(id.size(), 16u) << id;
  struct Case {
    const char* what;
    const ApiSession* who;
    std::string method, target, body, expect;
  };
  const std::string mine = "/api/v1/targets/" + id;
  const std::string set_path = "/api/v1/indicators/national_test_numeracy_5/targets";
  const std::vector<Case> cases = {
      {"nobody sets", nullptr, "POST", set_path,
       R"({"area":"03","value":1,"year":2030,"reason":"x"})", "401 auth.required"},
      {"a stranger sets", &stranger_, "POST", set_path,
       R"({"area":"03","value":1,"year":2030,"reason":"x"})",
       "403 monitor.targets_coordinators_only"},
      {"another county's coordinator sets", &ostfold_, "POST", set_path,
       R"({"area":"0301","value":1,"year":2030,"reason":"x"})",
       "403 monitor.targets_coordinators_only"},
      {"a coordinator sets for all areas", &oslo_, "POST", set_path,
       R"({"value":1,"year":2030,"reason":"x"})", "403 monitor.targets_coordinators_only"},
      {"nobody changes", nullptr, "POST", mine + "/change",
       R"({"value":1,"year":2030,"reason":"x"})", "401 auth.required"},
      {"a stranger changes", &stranger_, "POST", mine + "/change",
       R"({"value":1,"year":2030,"reason":"x"})", "403 monitor.targets_coordinators_only"},
      {"another county's coordinator changes", &ostfold_, "POST", mine + "/change",
       R"({"value":1,"year":2030,"reason":"x"})", "403 monitor.targets_coordinators_only"},
      {"nobody retires", nullptr, "POST", mine + "/retire", R"({"reason":"x"})",
       "401 auth.required"},
      {"a stranger retires", &stranger_, "POST", mine + "/retire", R"({"reason":"x"})",
       "403 monitor.targets_coordinators_only"},
      {"another county's coordinator retires", &ostfold_, "POST", mine + "/retire",
       R"({"reason":"x"})", "403 monitor.targets_coordinators_only"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(answer(call(c.method, c.target, c.who, c.body)), c.expect) << c.what;
  }
  // Without the CSRF token: refused, even for the coordinator.
  ApiSession no_token{oslo_.cookie, ""};
  EXPECT_EQ(call("POST", mine + "/retire", &no_token, R"({"reason":"x"})").status, 403);
  // Nothing of it landed: one target, active, as set.
  auto list = body(call("GET", "/api/v1/indicators/national_test_numeracy_5/targets", nullptr));
  ASSERT_EQ(list.at("total").as_int64(), 1);
  const auto& t = list.at("items").as_array()[0];
  EXPECT_EQ(t.at("state"), "active");
  EXPECT_EQ(t.at("value").to_number<double>(), 52.0);
  EXPECT_EQ(t.at("set_by"), "Kari Koordinator");
}

TEST_F(TargetsApi, SetChangeRetireKeepsWhoAndWhy) {
  // Kari, coordinator of Oslo, sets a target for Oslo (county 03) and one for the municipality.
  const std::string first =
      set(&oslo_, R"({"area":"03","value":52,"year":2030,"reason":"Oslos realfagsplan"})");
  ASSERT_EQ(first.size(), 16u) << first;
  EXPECT_EQ(
      set(&oslo_, R"({"area":"0301","value":51,"year":2029,"reason":"Bystyrets vedtak"})").size(),
      16u);
  // The admin sets one for all areas.
  EXPECT_EQ(
      set(&admin_, R"({"area":"all","value":50,"year":2030,"reason":"Nasjonal plan"})").size(),
      16u);

  // Kari changes the county's: the old one ends 'changed', the new one replaces it.
  auto changed = call("POST", "/api/v1/targets/" + first + "/change", &oslo_,
                      R"({"value":54,"year":2031,"reason":"Planen ble justert"})");
  ASSERT_EQ(changed.status, 201) << changed.body;
  const auto next = body(changed);
  EXPECT_EQ(next.at("replaces"), first.c_str());
  EXPECT_EQ(next.at("state"), "active");
  EXPECT_EQ(next.at("set_by"), "Kari Koordinator");
  EXPECT_EQ(next.at("reason"), "Planen ble justert");
  const std::string second(next.at("id").as_string());
  // Changing the ended one again is a conflict, not a second branch.
  EXPECT_EQ(answer(call("POST", "/api/v1/targets/" + first + "/change", &oslo_,
                        R"({"value":60,"year":2031,"reason":"x"})")),
            "409 monitor.target_ended");

  auto list = body(call("GET", "/api/v1/indicators/national_test_numeracy_5/targets", nullptr));
  EXPECT_EQ(list.at("total").as_int64(), 4);
  for (const auto& t : list.at("items").as_array()) {
    if (t.at("id") == first.c_str()) {
      EXPECT_EQ(t.at("state"), "changed");
      EXPECT_EQ(t.at("replaced_by"), second.c_str());
      EXPECT_EQ(t.at("ended").at("by"), "Kari Koordinator");
      EXPECT_EQ(t.at("ended").at("reason"), "Planen ble justert");
    }
  }
  // The indicator lists active targets only: the county's new one, the municipality's, all.
  auto detail = body(call("GET", "/api/v1/indicators/national_test_numeracy_5", nullptr));
  EXPECT_EQ(detail.at("targets").as_array().size(), 3u);

  // Progress per county: every county has a target (all areas'), Oslo its own.
  auto progress = body(
      call("GET", "/api/v1/indicators/national_test_numeracy_5/progress?level=county", nullptr));
  EXPECT_EQ(progress.at("total").as_int64(), 15);
  for (const auto& a : progress.at("items").as_array()) {
    if (a.at("area").at("code") == "03") {
      EXPECT_EQ(a.at("target").at("id"), second.c_str());
      EXPECT_EQ(a.at("target").at("value").to_number<double>(), 54.0);
    } else {
      EXPECT_EQ(a.at("target").at("area_level"), "all");
    }
    EXPECT_TRUE(a.at("progress").at("state").is_string());
  }

  // Kari retires the county's target: Oslo falls back on all areas' target.
  auto retired = call("POST", "/api/v1/targets/" + second + "/retire", &oslo_,
                      R"({"reason":"Planen ble trukket"})");
  ASSERT_EQ(retired.status, 200) << retired.body;
  EXPECT_EQ(body(retired).at("state"), "retired");
  EXPECT_EQ(body(retired).at("ended").at("reason"), "Planen ble trukket");
  EXPECT_EQ(answer(call("POST", "/api/v1/targets/" + second + "/retire", &oslo_,
                        R"({"reason":"igjen"})")),
            "409 monitor.target_ended");
  progress = body(
      call("GET", "/api/v1/indicators/national_test_numeracy_5/progress?level=county", nullptr));
  for (const auto& a : progress.at("items").as_array()) {
    if (a.at("area").at("code") == "03") EXPECT_EQ(a.at("target").at("area_level"), "all");
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(5200));  // the profile's cache
  auto target = profile_target("03");
  ASSERT_TRUE(target.is_object());
  EXPECT_EQ(target.at("area_level"), "all");
  // The municipality keeps its own.
  EXPECT_EQ(profile_target("0301").at("area"), "0301");
}

TEST_F(TargetsApi, BadInputIsNamedAndWritesNothing) {
  struct Case {
    const char* what;
    std::string indicator, body, expect;
  };
  const std::vector<Case> cases = {
      {"a neutral indicator", "population", R"({"area":"03","value":1,"year":2030,"reason":"x"})",
       "400 monitor.target_neutral"},
      {"an unknown indicator", "no_such", R"({"area":"03","value":1,"year":2030,"reason":"x"})",
       "404 monitor.indicator_not_found"},
      {"a code of 2019", "national_test_numeracy_5",
       R"({"area":"0101","value":1,"year":2030,"reason":"x"})",
       "400 /area monitor.target_area_invalid"},
      {"unknown municipality", "national_test_numeracy_5",
       R"({"area":"9999","value":1,"year":2030,"reason":"x"})",
       "400 /area monitor.target_area_invalid"},
      {"a level without figures", "numeracy_mastery_low_8",
       R"({"area":"0301","value":1,"year":2030,"reason":"x"})",
       "400 /area monitor.target_level_missing"},
      {"a year out of range", "national_test_numeracy_5",
       R"({"area":"03","value":1,"year":1999,"reason":"x"})", "400 /year validation.out_of_range"},
      {"no reason", "national_test_numeracy_5",
       R"({"area":"03","value":1,"year":2030,"reason":""})", "400 /reason validation.too_short"},
      {"a value that is text", "national_test_numeracy_5",
       R"({"area":"03","value":"mye","year":2030,"reason":"x"})",
       "400 /value validation.wrong_type"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(set(&admin_, c.body, c.indicator), c.expect) << c.what;
  }
  EXPECT_EQ(
      answer(call("POST", "/api/v1/targets/0123456789abcdef/retire", &admin_, R"({"reason":"x"})")),
      "404 monitor.target_not_found");
  auto list = body(call("GET", "/api/v1/indicators/national_test_numeracy_5/targets", nullptr));
  EXPECT_EQ(list.at("total").as_int64(), 0);
}

// The outcome of racing changes over HTTP; the guard that decides a race the server does
// interleave (an ended target is never ended again) is TargetStore.EndsATargetOnlyOnce.
TEST_F(TargetsApi, RacingChangesLeaveOneActiveTarget) {
  const std::string id = set(&oslo_, R"({"area":"03","value":52,"year":2030,"reason":"Plan"})");
  ASSERT_EQ(id.size(), 16u) << id;
  std::vector<int> statuses(6);
  std::vector<std::thread> racers;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    racers.emplace_back([&, i] {
      const ApiSession* who = i % 2 ? &admin_ : &oslo_;
      statuses[i] =
          call("POST", "/api/v1/targets/" + id + "/change", who,
               R"({"value":)" + std::to_string(60 + i) + R"(,"year":2030,"reason":"race"})")
              .status;
    });
  }
  for (auto& t : racers) t.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 201), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 5);
  auto list = body(call("GET", "/api/v1/indicators/national_test_numeracy_5/targets", nullptr));
  int active = 0;
  for (const auto& t : list.at("items").as_array()) active += t.at("state") == "active" ? 1 : 0;
  EXPECT_EQ(active, 1);
  EXPECT_EQ(list.at("total").as_int64(), 2);
}

}  // namespace
}  // namespace stemnet::testing
