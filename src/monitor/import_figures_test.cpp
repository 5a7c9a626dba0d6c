// The figures shipped with the reference data: Udir's pupils (GSI) and the
// population of the places files, as indicators with their provenance.
#include "monitor/import_figures.hpp"

#include "core/file.hpp"
#include "monitor/store.hpp"
#include "monitor_db.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace stemnet::monitor {
namespace {

class ShippedFigures : public ::testing::Test {
 protected:
  void SetUp() override { pool_ = stemnet::testing::monitor_db(); }
  std::optional<Cell> cell(const std::string& indicator, const std::string& level,
                           const std::string& code) {
    Store store(*pool_);
    auto c = store.cells({indicator, level, code, std::nullopt, {}});
    EXPECT_TRUE(c);
    if (!c || c->empty()) return std::nullopt;
    return c->front();
  }
  std::unique_ptr<db::Pool> pool_;
};

TEST_F(ShippedFigures, PupilsAndPopulationFromTheReferenceData) {
  auto done = import_shipped_figures(*pool_, "data/reference");
  ASSERT_TRUE(done) << done.error().where_and_what();
  ASSERT_EQ(done->size(), 2u);
  // Udir GSI 2025-26: 15 counties, 357 municipalities and Svalbard; the country their sum.
  EXPECT_EQ((*done)[0].rows, 373);
  EXPECT_EQ((*done)[0].cells, 374);
  auto oslo = cell("pupils", "municipality", "0301");
  ASSERT_TRUE(oslo);
  EXPECT_EQ(oslo->period, "2025-26");
  EXPECT_EQ(oslo->value, 68688.0);
  EXPECT_EQ(cell("pupils", "county", "42")->value, 38101.0);
  EXPECT_EQ(cell("pupils", "country", "NO")->value, 621961.0);
  // Population of 1 January 2024, from the places files.
  auto population = cell("population", "municipality", "0301");
  ASSERT_TRUE(population);
  EXPECT_EQ(population->period, "2024");
  EXPECT_GT(*population->value, 700000.0);
  // Their provenance names the files.
  Store store(*pool_);
  auto prov = store.provenance("pupils");
  ASSERT_TRUE(prov);
  ASSERT_EQ(prov->size(), 1u);
  EXPECT_EQ((*prov)[0].kind, "gsi");
  EXPECT_EQ((*prov)[0].file_name, "udir-gsi-elever-og-skoler-2025-26.json");
  // Again: nothing changes.
  auto again = import_shipped_figures(*pool_, "data/reference");
  ASSERT_TRUE(again);
  EXPECT_TRUE((*again)[0].already_imported);
  EXPECT_TRUE((*again)[1].already_imported);
}

// Writes `bytes` to a temporary file; its path.
std::filesystem::path temp_file(const std::string& name, const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("stemnet-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

TEST_F(ShippedFigures, ASuppressedCountStaysSuppressedAndTheCountryIsNotGuessed) {
  auto bytes = read_file("data/reference/pupils/udir-gsi-elever-og-skoler-2025-26.json");
  ASSERT_TRUE(bytes);
  std::string edited = *bytes;
  const std::string agder = R"("kode":"42","id":"1.49","data":["38 101")";
  const auto at = edited.find(agder);
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, agder.size(), R"("kode":"42","id":"1.49","data":["*")");
  const auto path = temp_file("gsi.json", edited);
  auto done = import_gsi(*pool_, path);
  std::filesystem::remove(path);
  ASSERT_TRUE(done) << done.error().where_and_what();
  auto agder_cell = cell("pupils", "county", "42");
  ASSERT_TRUE(agder_cell);
  EXPECT_FALSE(agder_cell->value);
  EXPECT_EQ(agder_cell->status, "*");
  EXPECT_FALSE(cell("pupils", "country", "NO"));  // one county withheld: no sum
}

TEST_F(ShippedFigures, AnUnknownAreaOrABrokenFileWritesNothing) {
  auto bytes = read_file("data/reference/pupils/udir-gsi-elever-og-skoler-2025-26.json");
  ASSERT_TRUE(bytes);
  std::string edited = *bytes;
  const auto at = edited.find(R"("kode":"4216")");
  ASSERT_NE(at, std::string::npos);
  edited.replace(at, 13, R"("kode":"4299")");
  const auto path = temp_file("gsi-unknown.json", edited);
  auto done = import_gsi(*pool_, path);
  std::filesystem::remove(path);
  ASSERT_FALSE(done);
  EXPECT_NE(done.error().detail.find("municipality 4299 is in no code list"), std::string::npos)
      << done.error().detail;
  EXPECT_FALSE(cell("pupils", "municipality", "0301"));  // nothing half-written
  const auto broken = temp_file("gsi-broken.json", R"({"rows": []})");
  auto refused = import_gsi(*pool_, broken);
  std::filesystem::remove(broken);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().detail.find("expected Udir's GSI answer"), std::string::npos);
}

}  // namespace
}  // namespace stemnet::monitor
