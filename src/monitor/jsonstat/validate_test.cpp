#include "monitor/jsonstat/validate.hpp"

#include "core/file.hpp"
#include "text/json_file.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <algorithm>
#include <set>

namespace stemnet::monitor::jsonstat {
namespace {

namespace json = boost::json;

std::string describe(const std::vector<Issue>& issues) {
  std::string out;
  for (const auto& i : issues) {
    out += "  " + i.path + ": " + i.code + " (" + std::string(to_string(i.severity)) +
           "): " + i.message + "\n";
  }
  return out;
}

std::set<std::string> codes(const std::vector<Issue>& issues, Severity severity) {
  std::set<std::string> out;
  for (const auto& i : issues) {
    if (i.severity == severity) out.insert(i.code);
  }
  return out;
}

bool has_code(const std::vector<Issue>& issues, std::string_view code) {
  return std::any_of(issues.begin(), issues.end(), [&](const Issue& i) { return i.code == code; });
}

// The 20 cases of the JSON-stat validator project, as they are.
TEST(Validate, AgreesWithEveryValidatorCase) {
  auto bytes = stemnet::read_file("tests/fixtures/jsonstat/validator/cases.json");
  ASSERT_TRUE(bytes);
  auto cases = text::parse_json(*bytes, "cases.json");
  ASSERT_TRUE(cases);
  ASSERT_EQ(cases->as_array().size(), 20u);
  for (const auto& c : cases->as_array()) {
    const json::object& expected = c.at("expected").as_object();
    const std::string id(c.at("id").as_string());
    const auto issues = validate(c.at("input"));
    SCOPED_TRACE(id + "\n" + describe(issues));
    if (const auto* v = expected.if_contains("valid")) {
      EXPECT_EQ(valid(issues), v->as_bool());
    }
    std::set<std::string> listed;
    if (const auto* list = expected.if_contains("codes")) {
      for (const auto& code : list->as_array()) listed.insert(std::string(code.as_string()));
    }
    for (const auto& code : listed) EXPECT_TRUE(has_code(issues, code)) << "missing " << code;
    if (const auto* only = expected.if_contains("noOtherErrors"); only && only->as_bool()) {
      for (const auto& code : codes(issues, Severity::error)) {
        EXPECT_TRUE(listed.contains(code)) << "unexpected " << code;
      }
    }
  }
}

TEST(Validate, CaseCodesAreWarningsOrErrorsAsMeant) {
  auto bytes = stemnet::read_file("tests/fixtures/jsonstat/validator/cases.json");
  ASSERT_TRUE(bytes);
  auto cases = text::parse_json(*bytes, "cases.json");
  ASSERT_TRUE(cases);
  for (const auto& c : cases->as_array()) {
    const std::string id(c.at("id").as_string());
    for (const auto& i : validate(c.at("input"))) {
      const bool warning = i.code == "METRIC_UNIT_MISSING" || i.code == "BUNDLE_DEPRECATED";
      EXPECT_EQ(i.severity, warning ? Severity::warning : Severity::error) << id << " " << i.code;
    }
  }
}

TEST(Validate, MessagesNameThePath) {
  const auto issues = validate_text(R"({"version":"2.0","class":"dataset","id":["sex"],"size":[2],
      "dimension":{"sex":{"category":{"index":["M","F","X"]}}},"value":[1,2]})",
                                    "mem.json");
  ASSERT_EQ(issues.size(), 1u) << describe(issues);
  EXPECT_EQ(issues[0].code, "INDEX_COUNT_MISMATCH");
  EXPECT_EQ(issues[0].path, "$.dimension.sex.category.index");
  EXPECT_EQ(issues[0].message, "3 categories, size says 2");
}

TEST(Validate, SamplesHaveNoErrors) {
  for (const char* name : {"canada.json", "collection.json", "galicia.json", "hierarchy.json",
                           "oecd-canada-col.json", "oecd.json", "order.json", "us-gsp.json",
                           "us-labor.json", "us-unr.json", "oecd-canada.json"}) {
    auto bytes = stemnet::read_file(std::string("tests/fixtures/jsonstat/samples/") + name);
    ASSERT_TRUE(bytes);
    const auto issues = validate_text(*bytes, name);
    EXPECT_TRUE(valid(issues)) << name << "\n" << describe(issues);
  }
  auto bundle = stemnet::read_file("tests/fixtures/jsonstat/samples/oecd-canada.json");
  ASSERT_TRUE(bundle);
  EXPECT_EQ(codes(validate_text(*bundle, "b.json"), Severity::warning),
            std::set<std::string>{"BUNDLE_DEPRECATED"});
}

// A minimal valid dataset with one member replaced (or added).
std::string with(std::string_view key, std::string_view json_value) {
  json::object o = json::parse(R"({"version":"2.0","class":"dataset","id":["x","y"],"size":[2,3],
      "dimension":{"x":{"category":{"index":["a","b"]}},"y":{"category":{"index":["p","q","r"]}}},
      "value":[1,2,3,4,5,6]})")
                       .as_object();
  o[key] = json::parse(json_value);
  return json::serialize(o);
}

TEST(Validate, BadInputsHaveTheirCodes) {
  struct Case {
    std::string input;
    const char* code;
    const char* path;
  };
  for (
      const auto& c : std::vector<Case>{
          {"[1,2]", "NOT_OBJECT", "$"},
          {"{\"version\":\"2.0\",\"class\":\"cube\"}", "CLASS_UNKNOWN", "$.class"},
          {with("version", "\"1.0\""), "VERSION_INVALID", "$.version"},
          {with("value", "null"), "TYPE_MISMATCH", "$.value"},
          {with("label", "7"), "TYPE_MISMATCH", "$.label"},
          {with("colour", "\"red\""), "MEMBER_UNKNOWN", "$.colour"},
          {with("updated", "\"27/09/2012\""), "UPDATED_INVALID", "$.updated"},
          {with("link", R"({"sideways":[]})"), "LINK_RELATION_UNKNOWN", "$.link.sideways"},
          {with("id", R"(["x","x"])"), "ID_DUPLICATE", "$.id[1]"},
          {with("size", "[2,-3]"), "SIZE_INVALID", "$.size[1]"},
          {with("size", "[2,1.5]"), "SIZE_INVALID", "$.size[1]"},
          {with("size", "[4294967296,4294967296]"), "CELLS_TOO_MANY", "$.size"},
          {with("size", "[100000,100000]"), "CELLS_TOO_MANY", "$.size"},
          {with("role", R"({"colour":["x"]})"), "ROLE_KEY_UNKNOWN", "$.role.colour"},
          {with("value", R"([1,2,3,4,5,true])"), "VALUE_TYPE_INVALID", "$.value[5]"},
          {with("value", R"({"a":1})"), "SPARSE_KEY_INVALID", "$.value.a"},
          {with("value", R"({"-1":1})"), "SPARSE_KEY_INVALID", "$.value['-1']"},
          {with("value", R"({"01":1})"), "SPARSE_KEY_INVALID", "$.value['01']"},
          {with("status", R"({"9":"e"})"), "SPARSE_KEY_OUT_OF_RANGE", "$.status['9']"},
          {with("status", R"([1,2,3,4,5,6])"), "STATUS_TYPE_INVALID", "$.status[0]"},
          {with("dimension", R"({"x":{"category":{"index":["a","b"]}},"y":{"category":{}}})"),
           "INDEX_MISSING", "$.dimension.y.category.index"},
          {with(
               "dimension",
               R"({"x":{"category":{"index":["a","a"]}},"y":{"category":{"index":["p","q","r"]}}})"),
           "INDEX_DUPLICATE", "$.dimension.x.category.index[1]"},
          {with(
               "dimension",
               R"({"x":{"category":{"index":["a","b"],"label":{}}},"y":{"category":{"index":["p","q","r"]}}})"),
           "LABEL_EMPTY", "$.dimension.x.category.label"},
          {with(
               "dimension",
               R"({"x":{"category":{"index":["a","b"],"unit":{"a":{"position":"left"}}}},"y":{"category":{"index":["p","q","r"]}}})"),
           "UNIT_INVALID", "$.dimension.x.category.unit.a.position"},
          {with(
               "dimension",
               R"({"x":{"category":{"index":["a","b"],"coordinates":{"a":[1]}}},"y":{"category":{"index":["p","q","r"]}}})"),
           "COORD_INVALID", "$.dimension.x.category.coordinates.a"},
          {with("dimension", R"({"x":{"category":{"index":["a","b"]}}})"), "DIM_KEY_ID_MISMATCH",
           "$.dimension.y"},
          {with("dimension", R"({"x":{"label":"x"},"y":{"category":{"index":["p","q","r"]}}})"),
           "MEMBER_MISSING", "$.dimension.x.category"},
          {R"({"version":"2.0","class":"collection","link":{"next":[]}})", "LINK_RELATION_UNKNOWN",
           "$.link.next"},
          {R"({"version":"2.0","class":"collection"})", "MEMBER_MISSING", "$.link"},
          {R"({"version":"2.0","class":"collection","link":{"item":[{"class":"dataset","id":["x"],"size":[2],
              "dimension":{"x":{"category":{"index":["a","b"]}}},"value":[1]}]}})",
           "VALUE_LEN_MISMATCH", "$.link.item[0].value"},
          {R"({"version":"2.0","class":"dimension","category":{"index":["a"],"child":{"a":["a"]}}})",
           "CHILD_CYCLE", "$.category.child.a"},
          {"{\"a\": [1, 2", "JSON_INVALID", "$"},
      }) {
    const auto issues = validate_text(c.input, "mem.json");
    SCOPED_TRACE(c.input + "\n" + describe(issues));
    const auto it = std::find_if(issues.begin(), issues.end(),
                                 [&](const Issue& i) { return i.code == c.code; });
    ASSERT_NE(it, issues.end()) << "no " << c.code;
    EXPECT_EQ(it->path, c.path);
    EXPECT_EQ(it->severity, Severity::error);
  }
}

TEST(Validate, ManyLikeFaultsAreOneIssue) {
  std::string values = "[";
  for (int i = 0; i < 1000; ++i) values += i ? ",true" : "true";
  values += "]";
  const auto issues = validate_text(with("value", values), "mem.json");
  ASSERT_EQ(issues.size(), 2u) << describe(issues);  // the length, and the elements once
  EXPECT_EQ(issues[1].code, "VALUE_TYPE_INVALID");
  EXPECT_NE(issues[1].message.find("and 999 more"), std::string::npos);
}

TEST(Validate, SyntaxErrorNamesFileAndLine) {
  const auto issues = validate_text("{\n\"a\":\n}", "broken.json");
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "JSON_INVALID");
  EXPECT_EQ(issues[0].message.rfind("broken.json:3: not valid JSON", 0), 0u) << issues[0].message;
}

TEST(Validate, DeepHierarchyWithoutRecursion) {
  // A chain of 50 000 categories, each the child of the one before, ending in a cycle.
  std::string index = "[", child = "{";
  const int n = 50000;
  for (int i = 0; i < n; ++i) {
    index += (i ? ",\"c" : "\"c") + std::to_string(i) + "\"";
    child +=
        (i ? ",\"c" : "\"c") + std::to_string(i) + "\":[\"c" + std::to_string((i + 1) % n) + "\"]";
  }
  index += "]";
  child += "}";
  const auto issues = validate_text(R"({"version":"2.0","class":"dimension","category":{"index":)" +
                                        index + ",\"child\":" + child + "}}",
                                    "chain.json");
  EXPECT_EQ(codes(issues, Severity::error), std::set<std::string>{"CHILD_CYCLE"});
}

}  // namespace
}  // namespace stemnet::monitor::jsonstat
