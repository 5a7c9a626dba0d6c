// monitor_db.hpp — a migrated in-memory database with the registry's
// reference data and the shipped indicator catalogue, for monitor tests.
#pragma once

#include "core/file.hpp"
#include "monitor/catalogue.hpp"
#include "registry/import.hpp"
#include "test_db.hpp"

namespace stemnet::testing {

inline std::unique_ptr<db::Pool> monitor_db() {
  auto pool = memory_db();
  auto ref = registry::import_reference(*pool, "data/reference");
  EXPECT_TRUE(ref) << ref.error().where_and_what();
  auto bytes = read_file("data/indicators/catalogue.json");
  EXPECT_TRUE(bytes);
  auto list = monitor::read_catalogue(*bytes, "data/indicators/catalogue.json");
  EXPECT_TRUE(list) << list.error().where_and_what();
  if (list) {
    auto loaded = monitor::load_catalogue(*pool, *list);
    EXPECT_TRUE(loaded) << loaded.error().where_and_what();
  }
  return pool;
}

}  // namespace stemnet::testing
