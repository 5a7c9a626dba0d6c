#include "http/body.hpp"

#include <gtest/gtest.h>
#include <boost/describe/class.hpp>
#include <boost/json/parse.hpp>

namespace stemnet::http {
namespace {

struct Grades {
  int min = 1, max = 13;
};
BOOST_DESCRIBE_STRUCT(Grades, (), (min, max))

struct NewThing {
  std::string title;
  int capacity = 30;
  bool digital = false;
  std::optional<std::string> address;
  std::vector<std::string> subjects;
  std::optional<Grades> grades;
  std::vector<Grades> ranges;
};
BOOST_DESCRIBE_STRUCT(NewThing, (), (title, capacity, digital, address, subjects, grades, ranges))

struct ThingPatch {
  Patch<std::string> title, municipality;
  Patch<int> capacity;
};
BOOST_DESCRIBE_STRUCT(ThingPatch, (), (title, municipality, capacity))

Result<NewThing> thing(std::string_view json) {
  return read_json<NewThing>(boost::json::parse(json));
}

TEST(Body, ReadsADescribedStructAndKeepsDefaultsForAbsentMembers) {
  auto t = thing(R"({"title": "Kraftverket", "subjects": ["naturfag", "teknologi"],
                     "grades": {"min": 8}, "ranges": [{"max": 4}, {"min": 5, "max": 7}]})");
  ASSERT_TRUE(t) << t.error().detail;
  EXPECT_EQ(t->title, "Kraftverket");
  EXPECT_EQ(t->capacity, 30);
  EXPECT_FALSE(t->digital);
  EXPECT_FALSE(t->address);
  EXPECT_EQ(t->subjects, (std::vector<std::string>{"naturfag", "teknologi"}));
  ASSERT_TRUE(t->grades);
  EXPECT_EQ(t->grades->min, 8);
  EXPECT_EQ(t->grades->max, 13);
  ASSERT_EQ(t->ranges.size(), 2u);
  EXPECT_EQ(t->ranges[0].min, 1);
  EXPECT_EQ(t->ranges[1].max, 7);
}

TEST(Body, NullIsAbsentForAnOptional) {
  auto t = thing(R"({"address": null, "grades": null})");
  ASSERT_TRUE(t);
  EXPECT_FALSE(t->address);
  EXPECT_FALSE(t->grades);
}

// Each wrong type is a fault at its pointer, like the edge's own.
TEST(Body, AWrongTypeIsAFaultAtItsPointer) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"title": 5})", "/title"},
      {R"({"capacity": "30"})", "/capacity"},
      {R"({"capacity": 4294967306})", "/capacity"},
      {R"({"capacity": 2.5})", "/capacity"},
      {R"({"digital": "yes"})", "/digital"},
      {R"({"subjects": ["naturfag", 3]})", "/subjects/1"},
      {R"({"grades": {"min": "8"}})", "/grades/min"},
      {R"({"ranges": [{}, {"max": []}]})", "/ranges/1/max"},
      {R"({"grades": []})", "/grades"},
  };
  for (const auto& [json, pointer] : cases) {
    auto t = thing(json);
    ASSERT_FALSE(t) << json;
    EXPECT_EQ(t.error().code, "validation.failed") << json;
    ASSERT_EQ(t.error().faults.size(), 1u) << json;
    EXPECT_EQ(t.error().faults[0].pointer, pointer) << json;
    EXPECT_EQ(t.error().faults[0].code, "validation.wrong_type") << json;
  }
  EXPECT_FALSE(read_json<NewThing>(boost::json::parse("[]")));
}

TEST(Body, AWholeNumberWrittenAsADoubleIsAnInteger) {
  auto t = thing(R"({"capacity": 12.0})");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->capacity, 12);
}

TEST(Body, APatchTellsAbsentNullAndValueApart) {
  auto p = read_json<ThingPatch>(boost::json::parse(R"({"title": "Ny", "municipality": null})"));
  ASSERT_TRUE(p);
  EXPECT_TRUE(p->title.present());
  EXPECT_EQ(p->title.value(), "Ny");
  EXPECT_TRUE(p->municipality.null());
  EXPECT_FALSE(p->capacity.present());

  std::string title = "Gammel";
  std::optional<std::string> municipality = "3101";
  int capacity = 30;
  p->title.apply(title);
  p->municipality.apply(municipality);
  p->capacity.apply(capacity);
  EXPECT_EQ(title, "Ny");
  EXPECT_FALSE(municipality);
  EXPECT_EQ(capacity, 30);
}

}  // namespace
}  // namespace stemnet::http
