#include "monitor/targets.hpp"

#include "monitor/store.hpp"
#include "monitor_db.hpp"
#include "registry/store.hpp"

#include <gtest/gtest.h>

namespace stemnet::monitor {
namespace {

// A change or retirement ends a target only while it is active: of two that
// raced past the first check, the second ends nothing and is refused.
TEST(TargetStore, EndsATargetOnlyOnce) {
  auto pool = stemnet::testing::monitor_db();
  registry::Store registry_store(*pool);
  registry::Service registry(registry_store);
  Store store(*pool);
  Targets targets(store, registry, *pool);
  Target t;
  t.indicator_id = "national_test_numeracy_5";
  t.area_level = "";
  t.area_code = "03";
  t.value = 52;
  t.year = 2030;
  t.set_by = "Oslo kommune";
  t.reason = "plan";
  auto added = targets.add(t);
  ASSERT_TRUE(added) << added.error().where_and_what();
  EXPECT_EQ(added->area_level, "county");

  auto conn = pool->acquire();
  ASSERT_TRUE(conn);
  Target ended = *added;
  ended.ended_at = "2026-12-05T10:00:00.000Z";
  ended.ended_by = "A";
  ended.ended_reason = "first";
  ended.ended_how = "retired";
  auto first = Store::end_target(**conn, ended);
  ASSERT_TRUE(first);
  EXPECT_TRUE(*first);
  ended.ended_by = "B";
  ended.ended_reason = "second";
  ended.ended_how = "changed";
  auto second = Store::end_target(**conn, ended);
  ASSERT_TRUE(second);
  EXPECT_FALSE(*second) << "an ended target was ended again";
  auto kept = Store::target(**conn, added->id);
  ASSERT_TRUE(kept && *kept);
  EXPECT_EQ((*kept)->ended_by, "A");  // the first end stands, who and why included
  EXPECT_EQ((*kept)->ended_reason, "first");
  EXPECT_EQ((*kept)->state(), "retired");
}

}  // namespace
}  // namespace stemnet::monitor
