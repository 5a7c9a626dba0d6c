// The catalogue over real HTTP: offers from draft to published, search with
// Norwegian words and filters, slots, and the refusals.
#include "api_session.hpp"
#include "http_client.hpp"
#include "problem_codes.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <set>

#include <sstream>

namespace stemnet::testing {
namespace {
namespace json = boost::json;

std::string offer(const std::string& title, const std::string& municipality, int radius,
                  bool digital, const std::string& format = "workplace_visit") {
  return R"({"organisation_id":"org:923456783","title":")" + title +
         R"(","description":"Elevene ser hvordan fornybar energi blir til strøm, og møter ingeniører.",)"
         R"("format":")" +
         format +
         R"(","subjects":["natural_science","technology_programming"],)"
         R"("grades":{"min":8,"max":10},"capacity":30,"digital":)" +
         (digital ? "true" : "false") + R"(,"municipality":")" + municipality +
         R"(","address":"Kraftverksveien 1","travel_radius_km":)" + std::to_string(radius) +
         R"(,"duration_minutes":120,"kit":{"before":"Les om vannkraft","during":"Omvisning","after":"Oppgaver"}})";
}

class CatalogueApi : public ::testing::Test {
 protected:
  using Session = ApiSession;
  void SetUp() override {
    db_ = stemnet::testing::fresh_db_url(dir_.path(), "c");
    ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db_}).exit_code, 0);
    server_ = std::make_unique<ServerProcess>(
        db_, std::vector<std::string>{"--mail-dir", dir_.path() + "/mail"});
    ASSERT_NE(server_->port(), 0);
    eva_ = signup("eva@fjordkraft.test");
    auto reg = call(
        "POST", "/api/v1/organisations", &eva_,
        R"({"kind":"company","name":"Fjordkraft Testdata AS","orgnr":"923456783","municipality":"4601"})");
    ASSERT_EQ(reg.status, 201) << reg.body;
    admin_ = signup("admin@stemnet.test");
    ASSERT_EQ(run_stemnet({"accounts", "grant", "admin@stemnet.test", "admin", "NO", "--db", db_})
                  .exit_code,
              0);
  }
  Session signup(const std::string& email) { return signup_session(server_->port(), email); }
  HttpResponse call(const std::string& method, const std::string& target, const Session* s,
                    const std::string& body = "") {
    return api_call(server_->port(), method, target, s, body);
  }
  std::string create(const std::string& body) {
    auto res = call("POST", "/api/v1/offers", &eva_, body);
    EXPECT_EQ(res.status, 201) << res.body;
    return std::string(json::parse(res.body).at("id").as_string());
  }
  json::object search(const std::string& query) {
    auto res = call("GET", "/api/v1/offers" + query, nullptr);
    EXPECT_EQ(res.status, 200) << query << ": " << res.body;
    return json::parse(res.body).as_object();
  }
  // The problem's code, or its first fault's (problem_codes.hpp).
  static std::string code(const HttpResponse& r) { return refusal(r); }
  TempDir dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  Session eva_, admin_;
};

TEST_F(CatalogueApi, PublishedOnlyWhenTheProviderIsApproved) {
  const std::string id = create(offer("Besøk på kraftverket", "4601", 50, false));
  EXPECT_EQ(call("GET", "/api/v1/offers/" + id, nullptr).status,
            404);  // a draft stays with its provider
  EXPECT_EQ(call("GET", "/api/v1/offers/" + id, &eva_).status, 200);
  auto early = call("POST", "/api/v1/offers/" + id + "/publish", &eva_);
  EXPECT_EQ(early.status, 409) << early.body;
  ASSERT_EQ(call("POST", "/api/v1/organisations/org:923456783/approve", &admin_).status, 200);
  auto published = call("POST", "/api/v1/offers/" + id + "/publish", &eva_);
  ASSERT_EQ(published.status, 200) << published.body;
  auto pub = call("GET", "/api/v1/offers/" + id, nullptr);
  EXPECT_EQ(pub.status, 200);
  EXPECT_EQ(json::parse(pub.body).at("kit").at("before").as_string(), "Les om vannkraft");
  // A PATCH changes only what it names: the kit's other parts, the subjects
  // and the description stay.
  auto patched = call("PATCH", "/api/v1/offers/" + id, &eva_,
                      R"({"title":"Vannkraft i klasserommet","kit":{"after":"Skriv en rapport"}})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  const auto o = json::parse(patched.body);
  EXPECT_EQ(o.at("title").as_string(), "Vannkraft i klasserommet");
  EXPECT_EQ(o.at("kit").at("before").as_string(), "Les om vannkraft");
  EXPECT_EQ(o.at("kit").at("after").as_string(), "Skriv en rapport");
  EXPECT_FALSE(o.at("description").as_string().empty());
  EXPECT_FALSE(o.at("subjects").as_array().empty());
  auto typed = call("PATCH", "/api/v1/offers/" + id, &eva_, R"({"capacity":"30"})");
  EXPECT_EQ(typed.status, 400) << typed.body;
  EXPECT_EQ(json::parse(typed.body).at("param").as_string(), "capacity");
}

TEST_F(CatalogueApi, OnlyTheProvidersMembersWriteItsOffers) {
  const std::string id = create(offer("Besøk på kraftverket", "4601", 50, false));
  ASSERT_EQ(call("POST", "/api/v1/organisations/org:923456783/approve", &admin_).status, 200);
  ASSERT_EQ(call("POST", "/api/v1/offers/" + id + "/publish", &eva_).status, 200);
  auto per = signup("per@konkurrent.test");
  EXPECT_EQ(call("PATCH", "/api/v1/offers/" + id, &per, R"({"title":"Kapret"})").status, 403);
  EXPECT_EQ(call("POST", "/api/v1/offers/" + id + "/archive", &per).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/offers", &per, offer("Falsk", "4601", 50, false)).status, 403);
  EXPECT_EQ(call("POST", "/api/v1/offers/" + id + "/slots", &per,
                 R"({"starts_at":"2026-03-16T09:00","ends_at":"2026-03-16T11:00","capacity":1})")
                .status,
            403);
  EXPECT_EQ(call("POST", "/api/v1/offers", nullptr, offer("Anonym", "4601", 50, false)).status,
            401);
}

// Each refusal a person can meet names its stable code, in the order the steps run (the
// provider is approved after the first publish is refused). A provider's number is no school's.
TEST_F(CatalogueApi, RefusalsNameTheirCodes) {
  const std::string id = create(offer("Besøk på kraftverket", "4601", 50, false));
  auto per = signup("per@konkurrent.test");
  std::string no_municipality = offer("Uten kommune", "4601", 50, false);
  no_municipality.replace(no_municipality.find(R"("municipality":"4601",)"),
                          std::string(R"("municipality":"4601",)").size(), "");
  std::string upside_down = offer("Opp ned", "4601", 50, false);
  upside_down.replace(upside_down.find(R"({"min":8,"max":10})"),
                      std::string(R"({"min":8,"max":10})").size(), R"({"min":10,"max":8})");
  std::string elsewhere = offer("Annen tilbyder", "4601", 50, false);
  elsewhere.replace(elsewhere.find("org:923456783"), 13, "org:999999999");
  struct Step {
    std::string method, target;
    const Session* who;
    std::string body;
    int status;
    std::string code;
  };
  const std::string offers = "/api/v1/offers";
  const std::vector<Step> steps = {
      {"GET", offers + "/" + id, nullptr, "", 404, "catalogue.offer_not_found"},
      {"POST", offers + "/" + id + "/publish", &eva_, "", 409, "catalogue.provider_not_approved"},
      {"POST", "/api/v1/organisations/org:923456783/approve", &admin_, "", 200, ""},
      {"POST", offers + "/" + id + "/publish", &eva_, "", 200, ""},
      {"PATCH", offers + "/" + id, &per, R"({"title":"Kapret"})", 403, "catalogue.members_only"},
      {"POST", offers, &per, offer("Falsk", "4601", 50, false), 403, "catalogue.members_only"},
      {"POST", offers, &admin_, elsewhere, 404, "catalogue.provider_not_found"},
      {"POST", offers, &eva_, no_municipality, 400,
       "/municipality catalogue.municipality_required"},
      {"POST", offers, &eva_, offer("Ukjent kommune", "4699", 50, false), 400,
       "/municipality catalogue.municipality_unknown"},
      {"PATCH", offers + "/" + id, &eva_, R"({"municipality":"4699"})", 400,
       "/municipality catalogue.municipality_unknown"},
      {"POST", offers, &eva_, upside_down, 400, "/grades catalogue.grades_invalid"},
      {"POST", offers + "/" + id + "/slots", &eva_,
       R"({"starts_at":"2099-03-16T11:00","ends_at":"2099-03-16T09:00"})", 400,
       "/ends_at catalogue.slot_ends_before_start"},
      {"GET", offers + "?near=975280641", nullptr, "", 400, "near catalogue.near_invalid"},
      {"GET", offers + "?municipality=0399", nullptr, "", 404, "catalogue.municipality_not_found"},
      {"GET", offers + "?near=923456783", nullptr, "", 404, "catalogue.school_not_found"},
  };
  for (const auto& s : steps) {
    auto res = call(s.method, s.target, s.who, s.body);
    EXPECT_EQ(res.status, s.status) << s.method << " " << s.target << ": " << res.body;
    if (!s.code.empty()) {
      EXPECT_EQ(code(res), s.code) << s.method << " " << s.target;
    }
  }
}

TEST_F(CatalogueApi, SearchWithNorwegianWordsAndFilters) {
  const std::string bergen = create(offer("Besøk på kraftverket i Bergen", "4601", 30, false));
  const std::string digital =
      create(offer("Digital spørretime med en ingeniør", "4601", 0, true, "digital_qa"));
  const std::string tromso = create(offer("Omvisning på forskningsskipet", "5501", 20, false));
  ASSERT_EQ(call("POST", "/api/v1/organisations/org:923456783/approve", &admin_).status, 200);
  for (const auto& id : {bergen, digital, tromso}) {
    ASSERT_EQ(call("POST", "/api/v1/offers/" + id + "/publish", &eva_).status, 200);
  }
  EXPECT_EQ(search("").at("total").as_int64(), 3);
  // Case and prefixes: "KRAFTVERK" finds "kraftverket"; ø may be written oe, but plain o is
  // another letter.
  auto kraft = search("?q=KRAFTVERK");
  ASSERT_EQ(kraft.at("total").as_int64(), 1);
  EXPECT_EQ(kraft.at("items").as_array()[0].at("id").as_string(), bergen);
  EXPECT_EQ(search("?q=sp%C3%B8rretime").at("total").as_int64(), 1);
  EXPECT_EQ(search("?q=spoerretime").at("total").as_int64(), 1);
  EXPECT_EQ(search("?q=sporretime").at("total").as_int64(), 0);
  EXPECT_EQ(search("?q=energi").at("total").as_int64(), 3);  // in every description
  EXPECT_EQ(search("?q=energi%20forskningsskipet").at("total").as_int64(), 1);
  // In reach of Bergen: the visit there and the digital one, not the ship in Tromsø (20 km radius).
  auto near = search("?municipality=4601");
  EXPECT_EQ(near.at("total").as_int64(), 2);
  EXPECT_EQ(search("?municipality=4601&digital=false").at("total").as_int64(), 1);
  EXPECT_EQ(search("?format=digital_qa").at("total").as_int64(), 1);
  EXPECT_EQ(search("?grade=9").at("total").as_int64(), 3);
  EXPECT_EQ(search("?grade=4").at("total").as_int64(), 0);
  EXPECT_EQ(search("?subject=natural_science&limit=2").at("items").as_array().size(), 2u);
  EXPECT_FALSE(search("?limit=2").at("next_cursor").is_null());
  auto bad = call("GET", "/api/v1/offers?grade=14", nullptr);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(call("GET", "/api/v1/offers?format=party", nullptr).status, 400);
  EXPECT_EQ(call("GET", "/api/v1/offers?near=123", nullptr).status, 400);
}

TEST_F(CatalogueApi, TheSearchIndexIsRebuiltWhenLost) {
  const std::string id = create(offer("Besøk på kraftverket", "4601", 30, false));
  ASSERT_EQ(call("POST", "/api/v1/organisations/org:923456783/approve", &admin_).status, 200);
  ASSERT_EQ(call("POST", "/api/v1/offers/" + id + "/publish", &eva_).status, 200);
  server_.reset();  // stop, lose the index, start again
  ASSERT_EQ(stemnet::testing::run_sql(db_, "DROP TABLE offer_search"), 0);
  server_ = std::make_unique<ServerProcess>(
      db_, std::vector<std::string>{"--mail-dir", dir_.path() + "/mail"});
  ASSERT_NE(server_->port(), 0);
  EXPECT_EQ(search("?q=kraftverket").at("total").as_int64(), 1);
}

TEST_F(CatalogueApi, SlotsAndDates) {
  const std::string id = create(offer("Besøk på kraftverket", "4601", 30, false));
  ASSERT_EQ(call("POST", "/api/v1/organisations/org:923456783/approve", &admin_).status, 200);
  ASSERT_EQ(call("POST", "/api/v1/offers/" + id + "/publish", &eva_).status, 200);
  auto slot = call("POST", "/api/v1/offers/" + id + "/slots", &eva_,
                   R"({"starts_at":"2026-03-16T09:00","ends_at":"2026-03-16T11:00","capacity":2})");
  ASSERT_EQ(slot.status, 201) << slot.body;
  EXPECT_EQ(json::parse(slot.body).at("free").as_int64(), 2);
  auto backwards = call("POST", "/api/v1/offers/" + id + "/slots", &eva_,
                        R"({"starts_at":"2026-03-16T11:00","ends_at":"2026-03-16T09:00"})");
  EXPECT_EQ(backwards.status, 400);
  for (const char* impossible : {"2027-02-30T09:00", "2027-03-01T25:00", "2027-13-01T09:00"}) {
    auto bad =
        call("POST", "/api/v1/offers/" + id + "/slots", &eva_,
             std::string(R"({"starts_at":")") + impossible + R"(","ends_at":"2027-03-02T10:00"})");
    EXPECT_EQ(bad.status, 400) << impossible;
  }
  auto list = call("GET", "/api/v1/offers/" + id + "/slots", nullptr);
  EXPECT_EQ(json::parse(list.body).at("total").as_int64(), 1);
  EXPECT_EQ(search("?from=2026-03-01&to=2026-03-31").at("total").as_int64(), 1);
  EXPECT_EQ(search("?from=2026-04-01").at("total").as_int64(), 0);
}

}  // namespace
}  // namespace stemnet::testing

namespace stemnet::testing {
namespace {

TEST_F(CatalogueApi, AProvidersOwnOffersWithDraftsAndOffersByCounty) {
  const std::string draft = create(offer("Utkast om kraft", "4601", 50, false));
  const std::string live = create(offer("Besøk på kraftverket", "4601", 50, false));
  ASSERT_EQ(call("POST", "/api/v1/organisations/org:923456783/approve", &admin_).status, 200);
  ASSERT_EQ(call("POST", "/api/v1/offers/" + live + "/publish", &eva_).status, 200);
  auto ids = [&](const HttpResponse& r) {
    std::set<std::string> out;
    const json::value page = json::parse(r.body);
    for (const auto& o : page.at("items").as_array())
      out.insert(std::string(o.at("id").as_string()));
    return out;
  };
  const std::string mine = "/api/v1/offers?organisation=org:923456783";
  EXPECT_EQ(ids(call("GET", mine, &eva_)), (std::set<std::string>{draft, live}));
  EXPECT_EQ(ids(call("GET", mine, nullptr)), (std::set<std::string>{live})) << "drafts are private";
  auto per = signup("per@konkurrent.test");
  EXPECT_EQ(ids(call("GET", mine, &per)), (std::set<std::string>{live}));
  EXPECT_EQ(ids(call("GET", "/api/v1/offers?county=46", nullptr)), (std::set<std::string>{live}));
  EXPECT_TRUE(ids(call("GET", "/api/v1/offers?county=03", nullptr)).empty());
  EXPECT_EQ(call("GET", "/api/v1/offers?county=4", nullptr).status, 400);
}

}  // namespace
}  // namespace stemnet::testing

namespace stemnet::testing {
namespace {

// Issue 16, item 5: search pages in the database with keyset cursors. On the
// national demo (86 offers), walking every page of 3 gives the same offers in
// the same order as one page of all, in each order: by title, by relevance,
// by distance, and with filters.
TEST(CatalogueSearch, EveryPageFollowsTheLastInEveryOrder) {
  TempDir dir;
  const std::string db = fresh_db_url(dir.path(), "demo");
  for (auto args : std::vector<std::vector<std::string>>{{"import", "reference", "data/reference"},
                                                         {"demo", "seed"}}) {
    args.insert(args.end(), {"--db", db});
    auto r = run_stemnet(args);
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }
  ServerProcess server(db);
  ASSERT_NE(server.port(), 0);
  auto ids_of = [](const boost::json::object& page) {
    std::vector<std::string> ids;
    for (const auto& o : page.at("items").as_array()) ids.emplace_back(o.at("id").as_string());
    return ids;
  };
  for (const std::string query : {"", "q=energi", "q=robot", "q=sp%C3%B8rretime", "near=975280640",
                                  "municipality=0301", "county=46", "q=energi&near=975280640",
                                  "grade=9&digital=true", "subject=technology_programming",
                                  "format=kit&near=975280640", "from=2027-01-01&to=2027-06-30"}) {
    const std::string base = "/api/v1/offers?" + query + (query.empty() ? "" : "&");
    auto all = api_call(server.port(), "GET", base + "limit=1000", nullptr);
    ASSERT_EQ(all.status, 200) << query << ": " << all.body;
    const auto whole = boost::json::parse(all.body).as_object();
    const auto expected = ids_of(whole);
    std::vector<std::string> walked;
    std::string cursor;
    for (int pages = 0; pages < 100; ++pages) {
      auto res = api_call(server.port(), "GET",
                          base + "limit=3" + (cursor.empty() ? "" : "&cursor=" + cursor), nullptr);
      ASSERT_EQ(res.status, 200) << query << ": " << res.body;
      const auto page = boost::json::parse(res.body).as_object();
      EXPECT_EQ(page.at("total").as_int64(), whole.at("total").as_int64()) << query;
      for (auto& id : ids_of(page)) walked.push_back(id);
      if (page.at("next_cursor").is_null()) break;
      cursor = std::string(page.at("next_cursor").as_string());
    }
    EXPECT_EQ(walked, expected) << query;
    EXPECT_EQ(static_cast<long long>(expected.size()), whole.at("total").as_int64()) << query;
  }
  // A cursor that is not one of ours is refused.
  EXPECT_EQ(
      api_call(server.port(), "GET", "/api/v1/offers?cursor=bm90LWEtY3Vyc29y", nullptr).status,
      400);
}

}  // namespace
}  // namespace stemnet::testing
