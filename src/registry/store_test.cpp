#include "registry/store.hpp"

#include "registry/import.hpp"
#include "registry/service.hpp"
#include "test_db.hpp"

#include <gtest/gtest.h>

#include <set>

namespace stemnet::registry {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    pool_ = stemnet::testing::memory_db().release();
    auto r = import_reference(*pool_, "data/reference");
    ASSERT_TRUE(r) << r.error().where_and_what();
  }
  static void TearDownTestSuite() { delete pool_; }
  static db::Pool* pool_;
};
db::Pool* StoreTest::pool_ = nullptr;

PageRequest first(int limit) {
  PageRequest p;
  p.limit = limit;
  return p;
}

TEST_F(StoreTest, MunicipalityWithParallelNames) {
  Store store(*pool_);
  auto m = store.municipality("5612");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->name, "Guovdageaidnu - Kautokeino");
  EXPECT_EQ(m->name_norwegian, "Kautokeino");
  EXPECT_EQ(m->county_number, "56");
  EXPECT_EQ(m->county_name, "Finnmark - Finnmárku - Finmarkku");
  EXPECT_EQ(m->population, 2848);
  EXPECT_NEAR(m->label_point.lat, 69.134, 1e-9);
  auto oslo = store.municipality("0301");
  ASSERT_TRUE(oslo);
  EXPECT_EQ(oslo->written_language, "neutral");
  EXPECT_GT(oslo->school_count, 100);
}

TEST_F(StoreTest, UnknownMunicipalityIsNotFound) {
  Store store(*pool_);
  auto m = store.municipality("0000");
  ASSERT_FALSE(m);
  EXPECT_EQ(m.error().kind, ErrorKind::not_found);
}

TEST_F(StoreTest, MunicipalitiesByCountyAndTerritories) {
  Store store(*pool_);
  auto agder = store.municipalities({"42", false}, first(1000));
  ASSERT_TRUE(agder);
  EXPECT_EQ(agder->total, 25);
  auto all = store.municipalities({std::nullopt, false}, first(1000));
  ASSERT_TRUE(all);
  EXPECT_EQ(all->total, 357);
  auto with = store.municipalities({std::nullopt, true}, first(1000));
  ASSERT_TRUE(with);
  EXPECT_EQ(with->total, 359);
}

TEST_F(StoreTest, PagesWalkEveryItemOnceInOrder) {
  Store store(*pool_);
  PageRequest page = first(100);
  std::vector<std::string> seen;
  for (int guard = 0; guard < 100; ++guard) {
    auto p = store.schools({}, page);
    ASSERT_TRUE(p);
    EXPECT_EQ(p->total, 2571);
    for (const auto& s : p->items) seen.push_back(s.orgnr);
    if (!p->next_cursor) break;
    auto next = PageRequest::parse(std::nullopt, *p->next_cursor, Service::kSchoolKey);
    ASSERT_TRUE(next);
    next->limit = 100;
    page = *next;
  }
  EXPECT_EQ(seen.size(), 2571u);
  EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 2571u);
}

TEST_F(StoreTest, InstitutionsWithSites) {
  Store store(*pool_);
  auto science = store.institutions(std::string("science_centre"), first(50));
  ASSERT_TRUE(science);
  EXPECT_EQ(science->total, 13);
  bool found = false;
  for (const auto& i : science->items) {
    if (i.id == "jaermuseet") {
      found = true;
      ASSERT_EQ(i.sites.size(), 2u);
      EXPECT_EQ(i.sites[0].municipality_number, "1108");
      EXPECT_EQ(i.sites[1].municipality_number, "1119");
    }
    if (i.id == "vitemeir") EXPECT_TRUE(i.sites.empty());  // municipality not verified
  }
  EXPECT_TRUE(found);
  auto he = store.institutions(std::string("higher_education"), first(50));
  ASSERT_TRUE(he);
  EXPECT_EQ(he->total, 24);
}

struct SearchCase {
  const char* q;
  const char* must_find;  // an organisation number, or "" for no hits
};

TEST_F(StoreTest, SearchIsCaseDiacriticAndAeoeaaInsensitive) {
  Store store(*pool_);
  Service svc(store);
  const SearchCase cases[] = {
      {"grünerløkka", "874589802"},  {"GRUNERLOKKA", ""},  // ø is not o
      {"grunerloekka", "874589802"}, {"Kirkelund", "975280640"}, {"kirkelund skole", "975280640"},
      {"KIRKELUND", "975280640"},    {"9752806", "975280640"},   {"zzzz", ""},
  };
  for (const auto& c : cases) {
    auto p = svc.schools({std::nullopt, std::nullopt, std::string(c.q)}, first(1000));
    ASSERT_TRUE(p) << c.q;
    if (std::string(c.must_find).empty()) {
      EXPECT_EQ(p->total, 0) << c.q;
      continue;
    }
    bool hit = false;
    for (const auto& s : p->items) hit |= s.orgnr == c.must_find;
    EXPECT_TRUE(hit) << c.q;
  }
}

TEST_F(StoreTest, ServiceRejectsBadFilters) {
  Store store(*pool_);
  Service svc(store);
  auto bad_county = svc.municipalities(std::string("3"), false, first(10));
  ASSERT_FALSE(bad_county);
  EXPECT_EQ(bad_county.error().param, "county");
  auto bad_number = svc.municipality("03010");
  ASSERT_FALSE(bad_number);
  EXPECT_EQ(bad_number.error().param, "number");
  auto bad_kind = svc.institutions(std::string("museum"), first(10));
  ASSERT_FALSE(bad_kind);
  EXPECT_EQ(bad_kind.error().param, "kind");
  auto bad_orgnr = svc.school("12345");
  ASSERT_FALSE(bad_orgnr);
  EXPECT_EQ(bad_orgnr.error().param, "orgnr");
}

}  // namespace
}  // namespace stemnet::registry
