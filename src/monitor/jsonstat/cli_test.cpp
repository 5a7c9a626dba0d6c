#include "monitor/jsonstat/cli.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace stemnet::monitor::jsonstat {
namespace {

const std::string kSamples = "tests/fixtures/jsonstat/samples/";

// A file in the test's temporary directory.
std::string temp_file(const std::string& name, const std::string& content) {
  const auto path = std::filesystem::path(testing::TempDir()) / name;
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

TEST(Cli, ValidateFiles) {
  const std::string good = kSamples + "canada.json";
  const std::string bundle = kSamples + "oecd-canada.json";
  const std::string short_values = temp_file("short.json", R"({"version":"2.0","class":"dataset",
"id":["x"],"size":[2],"dimension":{"x":{"category":{"index":["a","b"]}}},"value":[1]})");
  const std::string broken = temp_file("broken.json", "{\n\"version\": \"2.0\",\n]");
  const std::string missing = temp_file("dir-only", "") + ".absent";

  std::ostringstream out;
  EXPECT_EQ(validate_files({good}, out), 0);
  EXPECT_EQ(out.str(), "");

  out.str("");
  EXPECT_EQ(validate_files({good, bundle}, out), 0);  // a warning is not a fault of validity
  EXPECT_EQ(out.str(), bundle +
                           ": $: BUNDLE_DEPRECATED: warning: a JSON-stat 1.x bundle "
                           "(no \"class\"); 2.0 has one dataset per response, or a collection\n");

  out.str("");
  EXPECT_EQ(validate_files({good, short_values, broken, missing}, out), 1);
  std::istringstream lines(out.str());
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, short_values + ": $.value: VALUE_LEN_MISMATCH: 1 values, size says 2");
  std::getline(lines, line);
  EXPECT_EQ(line.rfind(broken + ":3: $: JSON_INVALID: not valid JSON: ", 0), 0u) << line;
  std::getline(lines, line);
  EXPECT_EQ(line.rfind(missing + ": $: FILE_UNREADABLE: cannot read", 0), 0u) << line;
  EXPECT_FALSE(std::getline(lines, line));
}

TEST(Cli, PrintTable) {
  std::ostringstream out, err;
  EXPECT_EQ(print_table(kSamples + "order.json", TableFormat::tsv, false, out, err), 0);
  std::istringstream lines(out.str());
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line, "A\tB\tC\tvalue");
  std::getline(lines, line);
  EXPECT_EQ(line, "1\t1\t1\tA1B1C1");
  EXPECT_EQ(err.str(), "");

  out.str("");
  EXPECT_EQ(print_table(kSamples + "oecd-canada.json", TableFormat::csv, true, out, err), 0);
  EXPECT_EQ(err.str(), kSamples + "oecd-canada.json: 2 datasets; printing the first ('oecd')\n");
  EXPECT_EQ(out.str().substr(0, out.str().find('\n')),
            "indicator,\"OECD countries, EU15 and total\",2003-2014,Value,Status");

  out.str("");
  err.str("");
  EXPECT_EQ(print_table(kSamples + "collection.json", TableFormat::csv, false, out, err), 1);
  EXPECT_EQ(err.str(), kSamples + "collection.json: the response holds no dataset\n");

  err.str("");
  const std::string bad = temp_file("bad-size.json", R"({"version":"2.0","class":"dataset",
"id":["x"],"size":[-1],"dimension":{},"value":[]})");
  EXPECT_EQ(print_table(bad, TableFormat::csv, false, out, err), 1);
  EXPECT_EQ(err.str(), bad + ": $.size[0]: a size is a whole number ≥ 0, not -1\n");
}

}  // namespace
}  // namespace stemnet::monitor::jsonstat
