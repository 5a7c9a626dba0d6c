// The command line: subcommands, exit codes and import errors as a user sees them.
#include "http_client.hpp"
#include "server_process.hpp"
#include "test_db.hpp"

#include <boost/json.hpp>

#include <gtest/gtest.h>

#include <set>

#include <fstream>

namespace stemnet::testing {
namespace {

TEST(Cli, VersionAndHelp) {
  auto v = run_stemnet({"--version"});
  EXPECT_EQ(v.exit_code, 0);
  EXPECT_TRUE(v.out.starts_with("stemnet ")) << v.out;
  auto h = run_stemnet({"--help"});
  EXPECT_EQ(h.exit_code, 0);
  for (const char* cmd : {"serve", "db", "import"})
    EXPECT_NE(h.out.find(cmd), std::string::npos) << cmd;
  auto none = run_stemnet({});
  EXPECT_NE(none.exit_code, 0);
  auto wrong = run_stemnet({"serve", "--port", "99999"});
  EXPECT_NE(wrong.exit_code, 0);
}

TEST(Cli, MigrateIsIdempotent) {
  TempDir dir;
  const std::string db = stemnet::testing::fresh_db_url(dir.path(), "m");
  auto first = run_stemnet({"db", "migrate", "--db", db});
  EXPECT_EQ(first.exit_code, 0) << first.out;
  EXPECT_EQ(first.out.find("migrations applied: 0"), std::string::npos) << first.out;
  EXPECT_NE(first.out.find("migrations applied: "), std::string::npos) << first.out;
  auto second = run_stemnet({"db", "migrate", "--db", db});
  EXPECT_EQ(second.exit_code, 0);
  EXPECT_NE(second.out.find("migrations applied: 0"), std::string::npos) << second.out;
}

TEST(Cli, DatabaseFromTheEnvironment) {
  TempDir dir;
  const std::string path = dir.path() + "/env.db";
  ::setenv("STEMNET_DB", ("sqlite:" + path).c_str(), 1);
  auto r = run_stemnet({"db", "migrate"});
  ::unsetenv("STEMNET_DB");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_TRUE(std::ifstream(path).good());
}

TEST(Cli, UnsupportedDatabaseUrl) {
  auto r = run_stemnet({"db", "migrate", "--db", "mysql://x"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("sqlite:"), std::string::npos) << r.out;
}

TEST(Cli, ImportErrorsNameFileAndLineAndChangeNothing) {
  TempDir dir;
  const std::string db = stemnet::testing::fresh_db_url(dir.path(), "i");
  auto ref = run_stemnet({"import", "reference", "data/reference", "--db", db});
  ASSERT_EQ(ref.exit_code, 0) << ref.out;
  EXPECT_NE(ref.out.find("2571 changed"), std::string::npos) << ref.out;

  const std::string bad = "tests/fixtures/udir/bad-number.utf16.tsv";
  auto r =
      run_stemnet({"import", "schools", "tests/fixtures/udir/good.utf16.tsv", bad, "--db", db});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find(bad + ":5: column "), std::string::npos) << r.out;

  // The good file named first did not land: importing it now changes one
  // school (the one the reference files do not have).
  auto good = run_stemnet({"import", "schools", "tests/fixtures/udir/good.utf16.tsv", "--db", db});
  EXPECT_EQ(good.exit_code, 0) << good.out;
  auto again = run_stemnet({"import", "schools", "tests/fixtures/udir/good.utf16.tsv", "--db", db});
  EXPECT_NE(again.out.find("0 changed (this file was imported before)"), std::string::npos)
      << again.out;
}

TEST(Cli, TargetsAreChecked) {
  TempDir dir;
  const std::string db = stemnet::testing::fresh_db_url(dir.path(), "t");
  ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db}).exit_code, 0);
  ASSERT_EQ(run_stemnet({"monitor", "catalogue", "--db", db}).exit_code, 0);
  struct Case {
    std::vector<std::string> args;
    const char* message;
  };
  const Case bad[] = {
      {{"population", "--area", "0301"}, "is neutral"},
      {{"national_test_numeracy_5", "--area", "9999"}, "no municipality has code 9999"},
      {{"national_test_numeracy_5", "--area", "NO"}, "--area all"},
      {{"stem_students", "--area", "03"}, "has no figures at county level"},
      {{"no_such", "--area", "all"}, "no indicator has id"},
  };
  for (const auto& c : bad) {
    std::vector<std::string> args = {"monitor", "target"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    for (const char* extra :
         {"--value", "1", "--year", "2030", "--by", "test", "--reason", "test", "--db"}) {
      args.push_back(extra);
    }
    args.push_back(db);
    auto r = run_stemnet(args);
    EXPECT_EQ(r.exit_code, 1) << c.message;
    EXPECT_NE(r.out.find(c.message), std::string::npos) << r.out;
  }
}

// Issue 15, item 5: `stemnet import jsonstat` reads each real SSB answer (JSON-stat 2.0 with
// status, the older PxWeb answer, JSON-stat 1.x); `jsonstat validate` and `table` too.
TEST(Cli, ImportJsonStatReadsRealSsbAnswers) {
  TempDir dir;
  const std::string db = stemnet::testing::fresh_db_url(dir.path(), "j");
  const std::string real = "tests/fixtures/ssb/real/";
  ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db}).exit_code, 0);
  ASSERT_EQ(run_stemnet({"monitor", "catalogue", real + "catalogue.json", "--db", db}).exit_code,
            0);
  struct Case {
    std::vector<std::string> args;
    const char* said;
  };
  const Case cases[] = {
      {{real + "ssb-12367-kostra-regnskap.json", "--indicator", "primary_school_net_spending",
        "--map", "KOKkommuneregion0000=area", "--map", "KOKregnskapsomfa0000=pick:A", "--map",
        "KOKfunksjon0000=pick:FGK8b", "--map", "KOKart0000=pick:AGD2", "--map", "Tid=period"},
       "ssb-12367-kostra-regnskap.json: 10 cells, 10 written\n"
       "  skipped, not an area: EAKUO (5) EKG16 (5) EKG17 (5)\n"},
      {{real + "ssb-05300-kultur.json", "--indicator", "culture_venue_near", "--map",
        "Avstand1=pick:01", "--map", "Kulturtilbud=breakdown:venue", "--map", "Tid=period"},
       "ssb-05300-kultur.json: 72 cells, 72 written\n"},
      {{real + "ssb-fiskeoppdrett-lonn-jsonstat1.json", "--indicator",
        "fish_farming_monthly_earnings", "--map", "Kjonn=breakdown:sex", "--map", "Alder=pick:999",
        "--map", "ContentsCode=pick:MndfortjIalt", "--map", "Tid=period"},
       "ssb-fiskeoppdrett-lonn-jsonstat1.json: 21 cells, 21 written\n"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args = {"import", "jsonstat"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    args.insert(args.end(), {"--db", db});
    auto r = run_stemnet(args);
    EXPECT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(r.out, c.said);
    // validate: the two 2.0 answers are valid; the 1.x answer too, with a warning of its age.
    auto v = run_stemnet({"jsonstat", "validate", c.args[0]});
    EXPECT_EQ(v.exit_code, 0) << c.args[0] << ": " << v.out;
    auto t = run_stemnet({"jsonstat", "table", c.args[0]});
    EXPECT_EQ(t.exit_code, 0) << c.args[0] << ": " << t.out.substr(0, 300);
  }
}

TEST(Cli, ReimportingReferenceChangesNothing) {
  TempDir dir;
  const std::string db = stemnet::testing::fresh_db_url(dir.path(), "r");
  ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db}).exit_code, 0);
  auto again = run_stemnet({"import", "reference", "data/reference", "--db", db});
  EXPECT_EQ(again.exit_code, 0);
  EXPECT_EQ(again.out.find(" 1 changed"), std::string::npos) << again.out;
  std::size_t lines = 0, unchanged = 0;
  for (std::size_t at = 0; (at = again.out.find('\n', at)) != std::string::npos; ++at) ++lines;
  for (std::size_t at = 0; (at = again.out.find(", 0 changed (this file was imported before)",
                                                at)) != std::string::npos;
       ++at) {
    ++unchanged;
  }
  EXPECT_EQ(unchanged, lines) << again.out;
}

}  // namespace
}  // namespace stemnet::testing

namespace stemnet::testing {
namespace {

TEST(Cli, DemoSeedOnlyIntoAnEmptyDatabase) {
  TempDir dir;
  const std::string db = stemnet::testing::fresh_db_url(dir.path(), "demo");
  auto no_registry = run_stemnet({"demo", "seed", "--db", db});
  EXPECT_EQ(no_registry.exit_code, 1);
  EXPECT_NE(no_registry.out.find("import the reference data first"), std::string::npos)
      << no_registry.out;
  ASSERT_EQ(run_stemnet({"import", "reference", "data/reference", "--db", db}).exit_code, 0);
  auto seeded = run_stemnet({"demo", "seed", "--db", db});
  ASSERT_EQ(seeded.exit_code, 0) << seeded.out;
  // A national picture: providers in every county, offers of every format with kits among
  // them, completed bookings, open requests, and a round that serves more than first come,
  // first served.
  EXPECT_NE(seeded.out.find("43 providers, 86 offers (11 ready-made kits)"), std::string::npos)
      << seeded.out;
  EXPECT_NE(seeded.out.find("48 completed bookings with feedback"), std::string::npos)
      << seeded.out;
  EXPECT_NE(seeded.out.find(R"("optimal":{"requests":2,"served":2)"), std::string::npos)
      << seeded.out;
  EXPECT_NE(seeded.out.find(R"("first_come_first_served":{"requests":2,"served":1)"),
            std::string::npos)
      << seeded.out;
  auto again = run_stemnet({"demo", "seed", "--db", db});
  EXPECT_EQ(again.exit_code, 1);  // never twice, never into real data
  EXPECT_NE(again.out.find("never mixes with real data"), std::string::npos) << again.out;
  // Every demo organisation says so in its name, and is served as approved.
  ServerProcess server(db);
  ASSERT_NE(server.port(), 0);
  auto list = http_get(server.port(), "/api/v1/organisations");
  auto body = boost::json::parse(list.body).as_object();
  EXPECT_EQ(body.at("total").as_int64(), 43);
  std::set<std::string> counties;
  for (const auto& o : body.at("items").as_array()) {
    counties.insert(std::string(o.at("county").as_string()));
    EXPECT_TRUE(std::string(o.at("name").as_string()).ends_with("(demo)")) << o;
  }
  EXPECT_EQ(counties.size(), 15u);
  auto offers = boost::json::parse(http_get(server.port(), "/api/v1/offers").body).as_object();
  EXPECT_EQ(offers.at("total").as_int64(), 86);
  // The flagship digital Q&A reached a class in every teacher's municipality: its provider's
  // impact shows schools and municipalities, where a provider with a few visits has them withheld.
  std::string flagship, small;
  for (const auto& o : body.at("items").as_array()) {
    const std::string name(o.at("name").as_string());
    if (name == "Trøndelag Ingeniørhus AS (demo)") flagship = o.at("id").as_string();
    if (name.starts_with("Fossekraft")) small = o.at("id").as_string();
  }
  ASSERT_FALSE(flagship.empty());
  ASSERT_FALSE(small.empty());
  auto all = [&](const std::string& id) {
    return boost::json::parse(
               http_get(server.port(), "/api/v1/organisations/" + id + "/impact").body)
        .at("all_years")
        .as_object();
  };
  EXPECT_GE(all(flagship).at("schools").as_int64(), 16);
  EXPECT_GE(all(flagship).at("municipalities").as_int64(), 16);
  EXPECT_TRUE(all(small).at("schools").is_null()) << all(small);
}

}  // namespace
}  // namespace stemnet::testing
