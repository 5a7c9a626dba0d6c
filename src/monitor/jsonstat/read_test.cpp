#include "monitor/jsonstat/read.hpp"

#include "core/file.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

namespace stemnet::monitor::jsonstat {
namespace {

const std::string kSamples = "tests/fixtures/jsonstat/samples/";

Document load(const std::string& name) {
  auto doc = read_file(kSamples + name);
  EXPECT_TRUE(doc) << (doc ? "" : doc.error().where_and_what());
  return doc ? std::move(*doc) : Document{};
}

Dataset only_dataset(const std::string& name) {
  Document doc = load(name);
  EXPECT_EQ(doc.datasets.size(), 1u) << name;
  return doc.datasets.empty() ? Dataset{} : std::move(doc.datasets.front());
}

template <std::size_t N>
std::optional<Cell> at(const Dataset& ds, const std::array<std::string_view, N>& ids) {
  return ds.cell(std::span<const std::string_view>(ids));
}

TEST(Read, EverySampleHasTheShapeItDeclares) {
  struct Case {
    const char* file;
    DocumentClass cls;
    std::size_t datasets;
    std::size_t first_cells;   // cells of the first dataset
    std::size_t first_values;  // cells holding a value
  };
  for (const auto& c : std::vector<Case>{
           {"canada.json", DocumentClass::dataset, 1, 120, 120},
           {"galicia.json", DocumentClass::dataset, 1, 3960, 3956},
           {"hierarchy.json", DocumentClass::dataset, 1, 132, 0},
           {"oecd.json", DocumentClass::dataset, 1, 432, 432},
           {"order.json", DocumentClass::dataset, 1, 24, 24},
           {"us-gsp.json", DocumentClass::dataset, 1, 204, 204},
           {"us-labor.json", DocumentClass::dataset, 1, 12880, 12880},
           {"us-unr.json", DocumentClass::dataset, 1, 3220, 3220},
           {"oecd-canada.json", DocumentClass::bundle, 2, 432, 432},
           {"oecd-canada-col.json", DocumentClass::collection, 2, 432, 432},
       }) {
    SCOPED_TRACE(c.file);
    Document doc = load(c.file);
    EXPECT_EQ(doc.cls, c.cls);
    ASSERT_EQ(doc.datasets.size(), c.datasets);
    EXPECT_EQ(doc.datasets[0].cell_count(), c.first_cells);
    EXPECT_EQ(doc.datasets[0].values.size(), c.first_cells);
    EXPECT_EQ(doc.datasets[0].values.count(), c.first_values);
  }
}

TEST(Read, CanadaCellsByIdsAndPositions) {
  Dataset ds = only_dataset("canada.json");
  EXPECT_EQ(ds.ids(), (std::vector<std::string>{"country", "year", "age", "concept", "sex"}));
  EXPECT_EQ(ds.sizes(), (std::vector<std::size_t>{1, 1, 20, 2, 3}));
  EXPECT_EQ(ds.label, "Population by sex and age group. Canada. 2012");
  EXPECT_EQ(ds.updated, "2012-09-27");
  EXPECT_EQ(ds.role_of("concept"), "metric");
  EXPECT_EQ(ds.role_of("age"), "");

  auto total = at<5>(ds, {"CA", "2012", "T", "POP", "T"});
  ASSERT_TRUE(total);
  EXPECT_EQ(total->value, 34880.5);
  EXPECT_EQ(total->status, "a");  // ["a"]: one status for every cell
  auto women_80 = at<5>(ds, {"CA", "2012", "84", "PERCENT", "F"});
  ASSERT_TRUE(women_80);
  EXPECT_EQ(women_80->value, 2.4);  // 80 to 84, women, share of population
  const std::array<std::size_t, 5> last{0, 0, 19, 1, 2};
  EXPECT_EQ(ds.cell(std::span<const std::size_t>(last))->value, 1.0);
  EXPECT_EQ(ds.flat_index(std::span<const std::size_t>(last)), 119u);

  // A single category without index takes its id from the label.
  const Dimension* country = ds.dimension("country");
  ASSERT_TRUE(country);
  ASSERT_EQ(country->size(), 1u);
  EXPECT_EQ(country->categories[0].id, "CA");
  EXPECT_EQ(country->categories[0].label, "Canada");
  // index as an object orders the categories by position.
  const Dimension* metric = ds.dimension("concept");
  ASSERT_TRUE(metric);
  EXPECT_EQ(metric->position_of("PERCENT"), 1u);
  ASSERT_TRUE(metric->categories[0].unit);
  EXPECT_EQ(metric->categories[0].unit->decimals, 1);
  EXPECT_EQ(metric->categories[0].unit->label, "thousands of persons");
  EXPECT_EQ(metric->categories[0].unit->other.at("multiplier"), 3);
  EXPECT_TRUE(ds.dimension("sex")->link.is_object());
}

TEST(Read, CellLookupRefusesWhatIsNotThere) {
  Dataset ds = only_dataset("canada.json");
  EXPECT_FALSE((at<5>(ds, {"CA", "2012", "T", "POP", "X"})));
  EXPECT_FALSE((at<4>(ds, {"CA", "2012", "T", "POP"})));
  const std::array<std::size_t, 5> past{0, 0, 20, 0, 0};
  EXPECT_FALSE(ds.cell(std::span<const std::size_t>(past)));
}

TEST(Read, GaliciaNullsAreMissing) {
  Dataset ds = only_dataset("galicia.json");
  EXPECT_EQ(ds.sizes(), (std::vector<std::size_t>{6, 22, 3, 2, 5, 1}));
  for (std::size_t cell : {3278u, 3288u, 3298u, 3947u}) {
    EXPECT_FALSE(ds.values.number(cell)) << cell;
  }
  EXPECT_EQ(ds.values.number(0), 2695880);
  EXPECT_EQ(ds.statuses.count(), 0u);
  EXPECT_EQ(ds.roles.at("geo"), (std::vector<std::string>{"residence", "birth"}));
  EXPECT_EQ(ds.dimension("residence")->categories[1].label, "A Coruña");
  EXPECT_EQ(ds.updated, "2012-12-27T12:25:09Z");
}

TEST(Read, OecdSparseStatusAndNotes) {
  Dataset ds = only_dataset("oecd.json");
  EXPECT_EQ(ds.statuses.count(), 72u);
  EXPECT_EQ(ds.statuses.at(10), "e");
  EXPECT_EQ(ds.statuses.at(0), "");
  EXPECT_EQ(ds.values.number(0), 5.943826289);
  ASSERT_EQ(ds.notes.size(), 1u);
  const Dimension* area = ds.dimension("area");
  ASSERT_TRUE(area);
  EXPECT_EQ(area->notes.size(), 1u);
  EXPECT_EQ(area->categories[*area->position_of("DE")].notes.size(), 1u);
  EXPECT_EQ(area->categories[*area->position_of("EU15")].children.size(), 15u);
  EXPECT_EQ(ds.extension.at("contact"), "EcoOutlook@oecd.org");
  EXPECT_TRUE(ds.dimension("concept")->extension.is_object());
}

TEST(Read, UsLaborSizeAndLabelOnlyDimension) {
  Dataset ds = only_dataset("us-labor.json");
  EXPECT_EQ(ds.sizes(), (std::vector<std::size_t>{1, 3220, 4}));
  auto c = at<3>(ds, {"2012", "01001", "unempl"});
  ASSERT_TRUE(c);
  EXPECT_EQ(c->value, 1644);
  EXPECT_EQ(ds.dimension("labor")->categories[0].unit->symbol, "");  // kept though empty
}

TEST(Read, OrderHasStringValues) {
  Dataset ds = only_dataset("order.json");
  auto c = at<3>(ds, {"3", "2", "4"});
  ASSERT_TRUE(c);
  EXPECT_FALSE(c->value);
  EXPECT_EQ(c->text, "A3B2C4");
  // The sample's own slip: cell A2B1C4 reads "A1B1C4".
  EXPECT_EQ((at<3>(ds, {"2", "1", "4"})->text), "A1B1C4");
}

TEST(Read, HierarchyChildren) {
  Dataset ds = only_dataset("hierarchy.json");
  const Dimension& d = ds.dimensions.at(0);
  EXPECT_EQ(d.size(), 132u);
  EXPECT_EQ(d.categories[0].children.size(), 11u);
  EXPECT_EQ(d.categories[*d.position_of("1")].children,
            (std::vector<std::string>{"1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7"}));
  EXPECT_FALSE(ds.values.dense());  // {"0": null}: nothing stored per cell
}

TEST(Read, BundleDatasetsKeepTheirNames) {
  Document doc = load("oecd-canada.json");
  ASSERT_EQ(doc.datasets.size(), 2u);
  EXPECT_EQ(doc.datasets[0].name, "oecd");
  EXPECT_EQ(doc.datasets[1].name, "canada");
  EXPECT_EQ(doc.datasets[0].roles.at("metric"), (std::vector<std::string>{"concept"}));
  Dataset canada = only_dataset("canada.json");
  EXPECT_EQ(doc.datasets[1].values, canada.values);
  EXPECT_EQ(doc.datasets[1].dimensions, canada.dimensions);
}

TEST(Read, CollectionOfReferencesAndOfEmbeddedDatasets) {
  Document refs = load("collection.json");
  EXPECT_EQ(refs.cls, DocumentClass::collection);
  EXPECT_TRUE(refs.datasets.empty());
  ASSERT_EQ(refs.items.size(), 8u);
  EXPECT_EQ(refs.items[1].href, "http://json-stat.org/samples/canada.json");
  EXPECT_EQ(refs.label, "JSON-stat Dataset Sample Collection");

  Document embedded = load("oecd-canada-col.json");
  ASSERT_EQ(embedded.datasets.size(), 2u);
  EXPECT_EQ(embedded.datasets[1].values, only_dataset("canada.json").values);
  EXPECT_EQ(embedded.datasets[0].statuses, only_dataset("oecd.json").statuses);
}

TEST(Read, DimensionResponse) {
  auto doc = read(R"({"version":"2.0","class":"dimension","label":"sex",
      "category":{"index":["T","M","F"],"label":{"T":"total","M":"male","F":"female"}}})",
                  "sex.json");
  ASSERT_TRUE(doc) << doc.error().where_and_what();
  EXPECT_EQ(doc->cls, DocumentClass::dimension);
  ASSERT_TRUE(doc->dimension);
  EXPECT_EQ(doc->dimension->label, "sex");
  EXPECT_EQ(doc->dimension->position_of("F"), 2u);
}

TEST(Read, ValueAndStatusForms) {
  struct Case {
    const char* value;
    const char* status;  // the JSON of the status member, or "" for none
    std::size_t values;
    std::string_view status_of_cell_2;
  };
  for (const auto& c : std::vector<Case>{
           {"[1,2,3,4]", "", 4, ""},
           {"[1,null,3,4]", R"("p")", 3, "p"},
           {R"({"0":1,"3":4})", R"({"2":"e"})", 2, "e"},
           {"[1,2,3,4]", R"(["a",null,"b","b"])", 4, "b"},
           {R"({"1":"x"})", R"(["z"])", 1, "z"},
       }) {
    std::string text = R"({"version":"2.0","class":"dataset","id":["x"],"size":[4],
        "dimension":{"x":{"category":{"index":["a","b","c","d"]}}},"value":)" +
                       std::string(c.value);
    if (*c.status) text += std::string(",\"status\":") + c.status;
    text += "}";
    SCOPED_TRACE(text);
    auto ds = read_dataset(text, "mem.json");
    ASSERT_TRUE(ds) << ds.error().where_and_what();
    EXPECT_EQ(ds->values.count(), c.values);
    EXPECT_EQ(ds->statuses.at(2), c.status_of_cell_2);
  }
}

TEST(Read, ValuesParsedExactly) {
  // Boost.JSON 1.81 alone reads the first two one unit in the last place off
  // (474.5938056855635 and 458.12455122160242).
  auto ds = read_dataset(R"({"version":"2.0","class":"dataset","id":["x"],"size":[4],
      "dimension":{"x":{"category":{"index":["a","b","c","d"]}}},
      "value":[474.59380568556355, 458.12455122160236, 5.943826289, 2.2250738585072014e-308]})",
                         "mem.json");
  ASSERT_TRUE(ds);
  EXPECT_EQ(ds->values.number(0), 474.59380568556355);
  EXPECT_EQ(ds->values.number(1), 458.12455122160236);
  EXPECT_EQ(ds->values.number(2), 5.943826289);
  EXPECT_EQ(ds->values.number(3), 2.2250738585072014e-308);
}

TEST(Read, StreamingFileEqualsInMemory) {
  auto bytes = stemnet::read_file(kSamples + "us-labor.json");
  ASSERT_TRUE(bytes);
  auto from_memory = read(*bytes, "us-labor.json");
  ASSERT_TRUE(from_memory);
  EXPECT_EQ(from_memory->datasets.at(0), load("us-labor.json").datasets.at(0));
}

TEST(Read, PiecesOfAnySizeReadTheSame) {
  // Keys, strings and numbers split across pieces, the BOM in the first.
  for (const char* name : {"oecd.json", "order.json", "oecd-canada.json", "oecd-canada-col.json"}) {
    auto bytes = stemnet::read_file(kSamples + name);
    ASSERT_TRUE(bytes);
    const std::string text = "\xEF\xBB\xBF" + *bytes;
    const Document whole = load(name);
    for (std::size_t size : {1u, 7u, 64u, 4093u}) {
      SCOPED_TRACE(std::string(name) + " in pieces of " + std::to_string(size));
      StreamReader reader(name);
      for (std::size_t at = 0; at < text.size(); at += size) {
        ASSERT_TRUE(reader.write(std::string_view(text).substr(at, size)));
      }
      auto doc = reader.finish();
      ASSERT_TRUE(doc) << doc.error().where_and_what();
      ASSERT_EQ(doc->datasets.size(), whole.datasets.size());
      for (std::size_t i = 0; i < whole.datasets.size(); ++i) {
        EXPECT_EQ(doc->datasets[i], whole.datasets[i]);
      }
    }
  }
}

TEST(Read, MemberOrderDoesNotMatter) {
  // "class" after "link": the items are read from the DOM, not streamed.
  auto doc = read(R"({"link":{"item":[{"value":[7,8],"status":{"1":"e"},"class":"dataset",
      "dimension":{"x":{"category":{"index":["a","b"]}}},"size":[2],"id":["x"]}]},
      "version":"2.0","class":"collection"})",
                  "late-class.json");
  ASSERT_TRUE(doc) << doc.error().where_and_what();
  ASSERT_EQ(doc->datasets.size(), 1u);
  EXPECT_EQ(doc->datasets[0].values.number(1), 8);
  EXPECT_EQ(doc->datasets[0].statuses.at(1), "e");
  // A dataset's value before its id and size; an extension member named "value" kept.
  auto ds = read_dataset(R"({"value":{"1":2.5},"extension":{"value":[1,2]},"class":"dataset",
      "version":"2.0","id":["x"],"size":[2],"dimension":{"x":{"category":{"index":["a","b"]}}}})",
                         "late-id.json");
  ASSERT_TRUE(ds) << ds.error().where_and_what();
  EXPECT_EQ(ds->values.number(1), 2.5);
  EXPECT_EQ(ds->extension.at("value").as_array().size(), 2u);
}

TEST(Read, UnreadableFile) {
  auto doc = read_file("tests/fixtures/jsonstat/no-such-file.json");
  ASSERT_FALSE(doc);
  EXPECT_NE(doc.error().detail.find("cannot read"), std::string::npos);
}

}  // namespace
}  // namespace stemnet::monitor::jsonstat
