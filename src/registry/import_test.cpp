#include "registry/import.hpp"

#include "core/file.hpp"
#include "registry/store.hpp"
#include "test_db.hpp"
#include "text/encoding.hpp"

#include <gtest/gtest.h>

namespace stemnet::registry {
namespace {

const std::string kFixtures = "tests/fixtures/udir/";

UdirSchools parse_fixture(const std::string& name) {
  auto bytes = read_file(kFixtures + name);
  EXPECT_TRUE(bytes) << name;
  auto parsed = parse_udir_schools(*bytes, name);
  EXPECT_TRUE(parsed) << parsed.error().where_and_what();
  return parsed ? *parsed : UdirSchools{};
}

TEST(ParseUdir, ReadsSchoolRowsAsPublished) {
  for (const char* name : {"good.utf16.tsv", "good-bom.utf16.tsv"}) {
    auto p = parse_fixture(name);
    EXPECT_EQ(p.rows, 5) << name;
    ASSERT_EQ(p.schools.size(), 3u) << name;
    const auto& ais = p.schools[0];
    EXPECT_EQ(ais.orgnr, "990334021");
    EXPECT_EQ(ais.name, "Arendal International School (Ais)");  // trailing space trimmed
    EXPECT_EQ(ais.municipality_number, "4203");
    EXPECT_EQ(ais.county_number, "42");
    ASSERT_EQ(ais.grades.size(), 1u);
    EXPECT_EQ(ais.grades[0].grade, 5);
    EXPECT_EQ(ais.grades[0].school_year, "2025-26");
    EXPECT_EQ(ais.grades[0].tested_pupils, 15);  // the largest of 15, 13, 15
    // All cells suppressed: the grade is seen, the count stays unknown.
    ASSERT_EQ(p.schools[1].grades.size(), 1u);
    EXPECT_FALSE(p.schools[1].grades[0].tested_pupils.has_value());
    EXPECT_EQ(p.schools[2].name, "Grünerløkka skole");
  }
}

TEST(ParseUdir, ReadsTheRealFiles) {
  auto five = read_file("data/reference/schools/udir_nasjonale_prover_5trinn_2025-26.utf16.tsv");
  ASSERT_TRUE(five);
  auto p = parse_udir_schools(*five, "5trinn");
  ASSERT_TRUE(p) << p.error().where_and_what();
  EXPECT_EQ(p->schools.size(), 2071u);
  EXPECT_EQ(p->rows, 2445);
}

struct BadFile {
  const char* name;
  long line;            // expected line in the message (0: not checked)
  const char* message;  // expected part of the message
};

TEST(ParseUdir, RejectsMalformedFilesWithFileAndLine) {
  const BadFile cases[] = {
      {"truncated.utf16.tsv", 7, "odd number of bytes"},
      {"missing-column.utf16.tsv", 2, "missing column 'Organisasjonsnummer'"},
      {"bad-number.utf16.tsv", 5, "not a number: '1,5x'"},
      {"truncated-line.utf16.tsv", 6, "expected 18 fields, found 7"},
      {"bad-orgnr.utf16.tsv", 5, "not a valid organisation number"},
      {"latin1.tsv", 2, "invalid UTF-8"},
  };
  for (const auto& c : cases) {
    auto bytes = read_file(kFixtures + c.name);
    ASSERT_TRUE(bytes) << c.name;
    auto parsed = parse_udir_schools(*bytes, c.name);
    ASSERT_FALSE(parsed) << c.name;
    const Error& e = parsed.error();
    EXPECT_EQ(e.file, c.name);
    EXPECT_EQ(e.line, c.line) << c.name << ": " << e.where_and_what();
    EXPECT_NE(e.detail.find(c.message), std::string::npos) << c.name << ": " << e.where_and_what();
    EXPECT_EQ(
        e.where_and_what().rfind(std::string(c.name) + ":" + std::to_string(c.line) + ": ", 0), 0u)
        << e.where_and_what();
  }
}

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    pool_ = stemnet::testing::memory_db();
    auto r = import_reference(*pool_, "data/reference");
    ASSERT_TRUE(r) << r.error().where_and_what();
  }
  std::unique_ptr<db::Pool> pool_;
};

TEST_F(ImportTest, LoadsTheWholeRegistry) {
  Store store(*pool_);
  auto counts = store.counts();
  ASSERT_TRUE(counts);
  EXPECT_EQ(counts->counties, 15);
  EXPECT_EQ(counts->municipalities, 357);
  EXPECT_EQ(counts->territories, 2);
  EXPECT_EQ(counts->postcodes, 5121);
  EXPECT_EQ(counts->institutions, 13 + 24);
  EXPECT_EQ(counts->schools, 2571);
}

TEST_F(ImportTest, SecondImportChangesNothing) {
  const std::string before = stemnet::testing::dump(*pool_);
  auto again = import_reference(*pool_, "data/reference");
  ASSERT_TRUE(again) << again.error().where_and_what();
  for (const auto& f : again->files) {
    EXPECT_EQ(f.changed, 0) << f.file;
    EXPECT_TRUE(f.already_recorded) << f.file;
  }
  EXPECT_EQ(stemnet::testing::dump(*pool_), before);
}

TEST_F(ImportTest, SchoolsFromBothFilesAreOneSchoolWithBothGrades) {
  Store store(*pool_);
  auto s = store.school("975280640");  // Kirkelund skole, Skiptvet: grades 5 and 8
  ASSERT_TRUE(s) << s.error().detail;
  EXPECT_EQ(s->municipality_number, "3116");
  EXPECT_EQ(s->location_precision, "municipality");
  std::vector<int> grades;
  for (const auto& g : s->grades) grades.push_back(g.grade);
  EXPECT_NE(std::find(grades.begin(), grades.end(), 8), grades.end());
  auto svalbard = store.school("974795655");
  ASSERT_TRUE(svalbard);
  EXPECT_EQ(svalbard->municipality_number, "2100");
}

TEST_F(ImportTest, MalformedFileLeavesTheDatabaseAsItWas) {
  const std::string before = stemnet::testing::dump(*pool_);
  for (const char* name :
       {"truncated.utf16.tsv", "missing-column.utf16.tsv", "bad-number.utf16.tsv",
        "truncated-line.utf16.tsv", "unknown-municipality.utf16.tsv"}) {
    // A good file first, then the bad one: the good one must not land either.
    auto r = import_schools(*pool_, {kFixtures + "good.utf16.tsv", kFixtures + name});
    ASSERT_FALSE(r) << name;
    EXPECT_NE(r.error().where_and_what().find(name), std::string::npos)
        << r.error().where_and_what();
    EXPECT_EQ(stemnet::testing::dump(*pool_), before) << name;
  }
}

TEST_F(ImportTest, UnknownMunicipalityIsNamed) {
  auto r = import_schools(*pool_, {kFixtures + "unknown-municipality.utf16.tsv"});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("municipality 9999 is not in the registry"), std::string::npos)
      << r.error().detail;
}

TEST(ImportSchools, NeedsTheRegistryFirst) {
  auto pool = stemnet::testing::memory_db();
  auto r = import_schools(*pool, {kFixtures + "good.utf16.tsv"});
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().detail.find("import the reference data first"), std::string::npos);
}

TEST(ImportReference, MissingFolderIsAnError) {
  auto pool = stemnet::testing::memory_db();
  auto r = import_reference(*pool, "tests/fixtures/no-such-folder");
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().detail, "not a folder");
}

TEST(Slug, StableIds) {
  EXPECT_EQ(slug("NTNU"), "ntnu");
  EXPECT_EQ(slug("HiØ"), "hioe");
  EXPECT_EQ(slug("Jærmuseet"), "jaermuseet");
  EXPECT_EQ(slug("Vitensenteret i Trondheim"), "vitensenteret-i-trondheim");
  EXPECT_EQ(slug("Sámi allaskuvla/Samisk høgskole"), "sami-allaskuvla-samisk-hoegskole");
}

TEST(ParallelNames, SplitOnSpacedDashOnly) {
  EXPECT_EQ(parallel_names("Guovdageaidnu - Kautokeino"),
            (std::vector<std::string>{"Guovdageaidnu", "Kautokeino"}));
  EXPECT_EQ(parallel_names("Troms - Romsa - Tromssa").size(), 3u);
  EXPECT_EQ(parallel_names("Aurskog-Høland"), (std::vector<std::string>{"Aurskog-Høland"}));
}

// Issue 12, item 1: the school year in a measure's column is a real one.
TEST(ParseUdir, ASchoolYearThatIsNotOneIsRefusedNamingTheColumn) {
  auto bytes = read_file(kFixtures + "good.utf16.tsv");
  ASSERT_TRUE(bytes);
  auto utf8 = text::to_utf8(*bytes, "good.utf16.tsv");
  ASSERT_TRUE(utf8);
  std::string broken = *utf8;
  const auto at = broken.find("2025-26.Engelsk");
  ASSERT_NE(at, std::string::npos);
  broken.replace(at, 7, "2025-99");
  auto parsed = parse_udir_schools(broken, "good.tsv");
  ASSERT_FALSE(parsed);
  EXPECT_NE(parsed.error().detail.find("'2025-99' is not a school year"), std::string::npos)
      << parsed.error().detail;
}

}  // namespace
}  // namespace stemnet::registry
