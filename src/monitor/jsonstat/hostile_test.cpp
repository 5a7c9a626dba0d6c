// Hostile input: the reader fails with an error naming the path, never
// crashes, and never makes an allocation larger than the input warrants.
#include "monitor/jsonstat/read.hpp"
#include "monitor/jsonstat/validate.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::size_t> largest_allocation{0};
}  // namespace

// GCC cannot see that the replaced operator new below is malloc.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"

// Counts the largest single allocation of the test program (this file is
// the only one replacing operator new).
void* operator new(std::size_t n) {
  std::size_t seen = largest_allocation.load(std::memory_order_relaxed);
  while (n > seen && !largest_allocation.compare_exchange_weak(seen, n)) {
  }
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace stemnet::monitor::jsonstat {
namespace {

std::string dataset(std::string_view id, std::string_view size, std::string_view dimension,
                    std::string_view value, std::string_view extra = "") {
  return R"({"version":"2.0","class":"dataset","id":)" + std::string(id) +
         ",\"size\":" + std::string(size) + ",\"dimension\":" + std::string(dimension) +
         ",\"value\":" + std::string(value) + std::string(extra) + "}";
}

const std::string kX = R"({"x":{"category":{"index":["a","b"]}}})";

std::string repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Hostile, FailsNamingThePathWithoutLargeAllocations) {
  struct Case {
    std::string name;
    std::string input;
    std::string error;         // the start of Error::detail
    bool spec_invalid = true;  // the validator rejects it too (not just our limits)
  };
  std::string distinct_statuses = "[";
  for (int i = 0; i < 70000; ++i)
    distinct_statuses += (i ? ",\"s" : "\"s") + std::to_string(i) + "\"";
  distinct_statuses += "]";
  const auto categories = [](char prefix, int n) {
    std::string s = "[";
    for (int i = 0; i < n; ++i)
      s += (i ? ",\"" : "\"") + std::string(1, prefix) + std::to_string(i) + "\"";
    return s + "]";
  };
  const std::vector<Case> cases = {
      {"sizes overflow 64 bits",
       dataset(R"(["x","y","z"])", "[4294967296,4294967296,4294967296]", kX, "[]"),
       "$.size: the sizes multiply to more than 2^64 cells"},
      {"over the cell limit", dataset(R"(["x","y"])", "[100000,100000]", kX, "{}"),
       "$.size: declares 10000000000 cells; the limit is 100000000"},
      {"a billion cells", dataset(R"(["x"])", "[1000000000]", kX, "[1]"),
       "$.size: declares 1000000000 cells"},
      {"negative size", dataset(R"(["x"])", "[-2]", kX, "[1]"),
       "$.size[0]: a size is a whole number ≥ 0, not -2"},
      {"fractional size", dataset(R"(["x"])", "[1.5]", kX, "[1]"),
       "$.size[0]: a size is a whole number ≥ 0, not 1.5"},
      {"size a string", dataset(R"(["x"])", R"(["2"])", kX, "[1,2]"),
       "$.size[0]: a size is a whole number ≥ 0, not \"2\""},
      {"id not strings", dataset("[1]", "[2]", kX, "[1,2]"), "$.id[0]: a number, not a string"},
      {"dimension missing", dataset(R"(["y"])", "[2]", kX, "[1,2]"),
       "$.dimension.y: dimension 'y' is listed in \"id\" but missing"},
      {"more categories than size", dataset(R"(["x"])", "[3]", kX, "[1,2,3]"),
       "$.dimension.x.category.index: 2 categories, size says 3"},
      {"index positions with a gap",
       dataset(R"(["x"])", "[2]", R"({"x":{"category":{"index":{"a":0,"b":2}}}})", "[1,2]"),
       "$.dimension.x.category.index.b: positions must be 0 to 1, each once; got 2"},
      {"index position enormous",
       dataset(R"(["x"])", "[2]", R"({"x":{"category":{"index":{"a":0,"b":1e300}}}})", "[1,2]"),
       "$.dimension.x.category.index.b: positions must be 0 to 1"},
      {"no index for two categories",
       dataset(R"(["x"])", "[2]", R"({"x":{"category":{"label":{"a":"A","b":"B"}}}})", "[1,2]"),
       "$.dimension.x.category: no \"index\""},
      {"sparse key not an integer", dataset(R"(["x"])", "[2]", kX, R"({"x":1})"),
       "$.value.x: the key is not a cell index"},
      {"sparse key negative", dataset(R"(["x"])", "[2]", kX, R"({"-1":1})"),
       "$.value['-1']: the key is not a cell index"},
      {"sparse key fractional", dataset(R"(["x"])", "[2]", kX, R"({"1.5":1})"),
       "$.value['1.5']: the key is not a cell index"},
      {"sparse key past the cube", dataset(R"(["x"])", "[2]", kX, R"({"99999999999":1})"),
       "$.value['99999999999']: cell 99999999999 is out of range: the dataset has 2 cells"},
      {"sparse key past 2^64", dataset(R"(["x"])", "[2]", kX, R"({"99999999999999999999999":1})"),
       "$.value['99999999999999999999999']: the key is not a cell index"},
      {"too many values", dataset(R"(["x"])", "[2]", kX, "[1,2,3]"),
       "$.value: 3 values, size says 2"},
      {"a value that is an object", dataset(R"(["x"])", "[2]", kX, R"([1,{"v":2}])"),
       "$.value[1]: an object is not a number, a string or null"},
      {"value a number", dataset(R"(["x"])", "[2]", kX, "5"),
       "$.value: a number where an array or an object of values belongs"},
      {"status a number", dataset(R"(["x"])", "[2]", kX, "[1,2]", R"(,"status":[1,"a"])"),
       "$.status[0]: a number is not a status"},
      {"status key out of range", dataset(R"(["x"])", "[2]", kX, "[1,2]", R"(,"status":{"7":"e"})"),
       "$.status['7']: cell 7 is out of range"},
      {"too many distinct statuses",
       dataset(R"(["x","y"])", "[280,250]",
               R"({"x":{"category":{"index":)" + categories('x', 280) +
                   R"(}},"y":{"category":{"index":)" + categories('y', 250) + "}}}",
               "{}", ",\"status\":" + distinct_statuses),
       "$.status[65535]: more than 65535 distinct statuses", false},
      {"not an object", "[1,2,3]", "$: a JSON-stat response is an object, not an array"},
      {"unknown class", R"({"class":"cube"})", "$.class: unknown class 'cube'"},
      {"empty bundle", "{}", "$: no \"class\" and no datasets"},
      {"truncated", R"({"version":"2.0","class":"dat)", "not valid JSON"},
      {"empty", "", "not valid JSON"},
      {"deep nesting", repeat("[", 100000) + repeat("]", 100000), "not valid JSON"},
      {"deep inside extension",
       dataset(R"(["x"])", "[2]", kX, "[1,2]",
               ",\"extension\":" + repeat("[", 40) + repeat("]", 40)),
       "not valid JSON"},
      {"deep inside value", dataset(R"(["x"])", "[2]", kX, repeat("[", 40) + repeat("]", 40)),
       "not valid JSON"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    largest_allocation = 0;
    auto doc = read(c.input, "hostile.json");
    const std::size_t largest = largest_allocation;
    ASSERT_FALSE(doc);
    EXPECT_EQ(doc.error().file, "hostile.json");
    EXPECT_EQ(doc.error().detail.rfind(c.error, 0), 0u) << doc.error().detail;
    EXPECT_LT(largest, 4 * c.input.size() + 65536) << "largest allocation";
    // The validator does not crash, and says so too unless it is our limit.
    EXPECT_EQ(valid(validate_text(c.input, "hostile.json")), !c.spec_invalid);
  }
}

TEST(Hostile, SyntaxErrorsNameTheLine) {
  auto doc = read("{\n\"version\": \"2.0\",\n\"class\": dataset\n}", "bad.json");
  ASSERT_FALSE(doc);
  EXPECT_EQ(doc.error().line, 3);
  EXPECT_EQ(doc.error().where_and_what().rfind("bad.json:3: not valid JSON", 0), 0u);
  auto trailing = read(R"({"class":"dimension","category":{"index":["a"]}} x)", "t.json");
  ASSERT_FALSE(trailing);
  EXPECT_NE(trailing.error().detail.find("text after the document"), std::string::npos);
}

TEST(Hostile, CellLimitIsAnOption) {
  const std::string ds = dataset(R"(["x"])", "[2]", kX, "[1,2]");
  EXPECT_TRUE(read(ds, "ok.json"));
  auto small = read(ds, "small.json", ReadOptions{.max_cells = 1});
  ASSERT_FALSE(small);
  EXPECT_EQ(small.error().detail, "$.size: declares 2 cells; the limit is 1");
  // A value array longer than the limit stops being stored as it is parsed.
  auto long_values = read(dataset(R"(["x"])", "[1]", R"({"x":{"category":{"index":["a"]}}})",
                                  "[" + repeat("1,", 999) + "1]"),
                          "long.json", ReadOptions{.max_cells = 10});
  ASSERT_FALSE(long_values);
  EXPECT_EQ(long_values.error().detail, "$.value: more than 10 cells (the limit)");
}

TEST(Hostile, LargeSparseCubeStoresOnlyItsValues) {
  // 10^8 declared cells, two values: no allocation in proportion to the cells.
  const auto positions = [](char prefix) {
    std::string s = "{";
    for (int i = 0; i < 10000; ++i) {
      s += (i ? ",\"" : "\"") + std::string(1, prefix) + std::to_string(i) +
           "\":" + std::to_string(i);
    }
    return s + "}";
  };
  const std::string input = dataset(R"(["x","y"])", "[10000,10000]",
                                    R"({"x":{"category":{"index":)" + positions('a') +
                                        R"(}},"y":{"category":{"index":)" + positions('b') + "}}}",
                                    R"({"0":1.5,"99999999":2.5})");
  largest_allocation = 0;
  auto ds = read_dataset(input, "sparse.json");
  ASSERT_TRUE(ds) << ds.error().where_and_what();
  EXPECT_LT(largest_allocation, 16 * input.size());  // the categories, not the cells
  EXPECT_EQ(ds->cell_count(), 100'000'000u);
  EXPECT_EQ(ds->values.number(99'999'999), 2.5);
  EXPECT_FALSE(ds->values.number(50'000'000));
  EXPECT_EQ(ds->values.count(), 2u);
}

}  // namespace
}  // namespace stemnet::monitor::jsonstat
