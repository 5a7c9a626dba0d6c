#include "monitor/jsonstat/write.hpp"

#include "monitor/jsonstat/read.hpp"
#include "monitor/jsonstat/validate.hpp"

#include <gtest/gtest.h>

namespace stemnet::monitor::jsonstat {
namespace {

const std::vector<std::string> kSamples = {
    "canada.json", "galicia.json",  "hierarchy.json", "oecd.json",        "order.json",
    "us-gsp.json", "us-labor.json", "us-unr.json",    "oecd-canada.json", "oecd-canada-col.json"};

std::string issues_text(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& i : issues) out += "  " + i.path + ": " + i.code + ": " + i.message + "\n";
  return out;
}

// read → write → read gives the same dataset, and the validator accepts what was written.
TEST(Write, EverySampleRoundTrips) {
  std::size_t datasets = 0;
  for (const auto& name : kSamples) {
    auto doc = read_file("tests/fixtures/jsonstat/samples/" + name);
    ASSERT_TRUE(doc) << doc.error().where_and_what();
    for (const Dataset& original : doc->datasets) {
      SCOPED_TRACE(name + " " + original.name);
      const std::string json = write(original);
      const auto issues = validate_text(json, "written.json");
      EXPECT_TRUE(valid(issues)) << issues_text(issues);
      auto back = read_dataset(json, "written.json");
      ASSERT_TRUE(back) << back.error().where_and_what();
      // Everything but the 1.x bundle name, which a 2.0 dataset has no place for.
      Dataset expected = original;
      expected.name.clear();
      EXPECT_EQ(back->values, expected.values);
      EXPECT_EQ(back->statuses, expected.statuses);
      EXPECT_EQ(back->dimensions, expected.dimensions);
      EXPECT_EQ(back->roles, expected.roles);
      EXPECT_EQ(back->notes, expected.notes);
      EXPECT_EQ(back->extension, expected.extension);
      EXPECT_EQ(*back, expected);
      // Writing again gives the same text.
      EXPECT_EQ(write(*back), json);
      ++datasets;
    }
  }
  EXPECT_EQ(datasets, 12u);
}

Dataset small(std::string_view value, std::string_view status = "") {
  std::string text = R"({"version":"2.0","class":"dataset","id":["x"],"size":[4],
      "dimension":{"x":{"category":{"index":["a","b","c","d"]}}},"value":)" +
                     std::string(value);
  if (!status.empty()) text += ",\"status\":" + std::string(status);
  auto ds = read_dataset(text + "}", "mem.json");
  EXPECT_TRUE(ds) << ds.error().where_and_what();
  return ds ? std::move(*ds) : Dataset{};
}

std::string member_text(const std::string& json, std::string_view key) {
  const auto at = json.find("\"" + std::string(key) + "\":");
  if (at == std::string::npos) return "";
  const auto start = at + key.size() + 3;
  std::size_t depth = 0, end = start;
  bool in_string = false;
  for (; end < json.size(); ++end) {
    const char c = json[end];
    if (in_string) {
      if (c == '\\')
        ++end;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    if (c == '[' || c == '{') ++depth;
    if (c == ']' || c == '}') {
      if (depth == 0) break;
      --depth;
    }
    if (c == ',' && depth == 0) break;
  }
  return json.substr(start, end - start);
}

TEST(Write, DenseOrSparseAsTheCellsAre) {
  struct Case {
    const char* value_in;
    const char* status_in;
    const char* value_out;
    const char* status_out;
  };
  for (const auto& c : std::vector<Case>{
           {"[84.4,0.1,null,1e21]", "", "[84.4,0.1,null,1e+21]", ""},
           {R"({"3":2})", "", R"({"3":2})", ""},
           {R"({"1":-0.5,"3":2})", "", "[null,-0.5,null,2]", ""},
           {"[1,2,3,4]", R"("e")", "[1,2,3,4]", R"("e")"},
           {"[1,2,3,4]", R"(["e"])", "[1,2,3,4]", R"("e")"},
           {"[1,2,3,4]", R"({"2":"p"})", "[1,2,3,4]", R"({"2":"p"})"},
           {"[1,2,3,4]", R"(["a",null,"b","a"])", "[1,2,3,4]", R"(["a",null,"b","a"])"},
           {R"(["x",null,2,"y"])", "", R"(["x",null,2,"y"])", ""},
           {"[474.59380568556355,458.12455122160236,0.1,1e-7]", "",
            "[474.59380568556355,458.12455122160236,0.1,1e-07]", ""},
           // Integers past 2^53 keep the double they read as; JSON integer -0 is 0.
           {"[8.44E1,12345678901234567890,3.0,-0]", "", "[84.4,12345678901234567168,3,0]", ""},
       }) {
    SCOPED_TRACE(c.value_in);
    const std::string json = write(small(c.value_in, c.status_in));
    EXPECT_EQ(member_text(json, "value"), c.value_out) << json;
    EXPECT_EQ(member_text(json, "status"), c.status_out) << json;
  }
}

TEST(Write, CanadaInFull) {
  auto ds = read_dataset(R"({"version":"2.0","class":"dataset","label":"L \"q\"","id":["m","g"],
      "size":[1,2],"role":{"metric":["m"],"geo":["g"]},
      "dimension":{"m":{"label":"measure","category":{"label":{"P":"people"},
        "unit":{"P":{"decimals":0,"label":"persons","position":"end","base":"people"}}}},
        "g":{"category":{"index":{"N":0,"S":1},"coordinates":{"N":[10.75,59.91]},
        "child":{"N":["S"]},"note":{"S":["south"]}}}},
      "value":[5,6],"extension":{"k":[1,2.5]}})",
                         "mem.json");
  ASSERT_TRUE(ds) << ds.error().where_and_what();
  EXPECT_EQ(write(*ds),
            R"({"version":"2.0","class":"dataset","label":"L \"q\"","extension":{"k":[1,2.5]},)"
            R"("id":["m","g"],"size":[1,2],"role":{"geo":["g"],"metric":["m"]},)"
            R"("dimension":{"m":{"label":"measure","category":{"index":["P"],)"
            R"("label":{"P":"people"},"unit":{"P":{"decimals":0,"label":"persons",)"
            R"("position":"end","base":"people"}}}},"g":{"category":{"index":["N","S"],)"
            R"("note":{"S":["south"]},"coordinates":{"N":[10.75,59.91]},"child":{"N":["S"]}}}},)"
            R"("value":[5,6]})");
}

}  // namespace
}  // namespace stemnet::monitor::jsonstat
