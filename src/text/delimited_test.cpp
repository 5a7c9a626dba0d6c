#include "text/delimited.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "text/encoding.hpp"
#include "text/normalize.hpp"
#include "text/number.hpp"

namespace stemnet::text {
namespace {

using Fields = std::vector<std::string>;

struct ExpectedRecord {
  long line;
  Fields fields;
};

TEST(ReadDelimited, GoodInputs) {
  struct Case {
    std::string name;
    std::string text;
    DelimitedOptions options;
    Fields header;
    long header_line;
    std::vector<ExpectedRecord> records;
  };
  const DelimitedOptions csv;
  const DelimitedOptions no_sep_line{.allow_sep_line = false};
  const DelimitedOptions tsv{.separator = '\t'};
  const Case cases[] = {
      {"LF", "a,b\n1,2\n3,4\n", csv, {"a", "b"}, 1, {{2, {"1", "2"}}, {3, {"3", "4"}}}},
      {"CRLF", "a,b\r\n1,2\r\n", csv, {"a", "b"}, 1, {{2, {"1", "2"}}}},
      {"no newline at the end", "a,b\n1,2", csv, {"a", "b"}, 1, {{2, {"1", "2"}}}},
      {"CR at the very end", "a,b\r\n1,2\r", csv, {"a", "b"}, 1, {{2, {"1", "2"}}}},
      {"trailing empty lines", "a,b\n1,2\n\n\r\n", csv, {"a", "b"}, 1, {{2, {"1", "2"}}}},
      {"blank lines inside are skipped, lines still counted",
       "a,b\n\n1,2\r\n\r\n\n3,4\n",
       csv,
       {"a", "b"},
       1,
       {{3, {"1", "2"}}, {6, {"3", "4"}}}},
      {"blank lines before the header", "\n\na\nx\n", csv, {"a"}, 3, {{4, {"x"}}}},
      {"header only", "a,b,c\n", csv, {"a", "b", "c"}, 1, {}},
      {"empty fields", "a,b,c\n,,\n", csv, {"a", "b", "c"}, 1, {{2, {"", "", ""}}}},
      {"spaces are kept", "a,b\n x , y \n", csv, {"a", "b"}, 1, {{2, {" x ", " y "}}}},
      {"quoted comma and doubled quotes",
       "name,note\n\"MF vitenskapelig høyskole, Oslo\",\"Ås (listed as \"\"Viken\"\")\"\n",
       csv,
       {"name", "note"},
       1,
       {{2, {"MF vitenskapelig høyskole, Oslo", "Ås (listed as \"Viken\")"}}}},
      {"empty quoted field", "a,b\n\"\",x\n", csv, {"a", "b"}, 1, {{2, {"", "x"}}}},
      {"quoted field at end of CRLF line",
       "a,b\r\nx,\"y\"\r\nz,w\r\n",
       csv,
       {"a", "b"},
       1,
       {{2, {"x", "y"}}, {3, {"z", "w"}}}},
      {"quoted field at end of text", "a\n\"y\"", csv, {"a"}, 1, {{2, {"y"}}}},
      {"quoted newline: the next record's line counts it",
       "a,b\n\"two\nlines\",x\n3,4\n",
       csv,
       {"a", "b"},
       1,
       {{2, {"two\nlines", "x"}}, {4, {"3", "4"}}}},
      {"quoted header", "\"a,1\",b\n1,2\n", csv, {"a,1", "b"}, 1, {{2, {"1", "2"}}}},
      {"quote inside an unquoted field is data",
       "a,b\n5\" screen,x\"y\n",
       csv,
       {"a", "b"},
       1,
       {{2, {"5\" screen", "x\"y"}}}},
      {"sep=tab line, as Udir writes it",
       "sep=\t\nA\tB\n1,5\t56 929\n",
       csv,
       {"A", "B"},
       2,
       {{3, {"1,5", "56 929"}}}},
      {"sep=; line with CRLF", "sep=;\r\na;b\r\n1;2\r\n", csv, {"a", "b"}, 2, {{3, {"1", "2"}}}},
      {"sep= line not allowed is the header",
       "sep=;\na;b\n",
       no_sep_line,
       {"sep=;"},
       1,
       {{2, {"a;b"}}}},
      {"sep lookalike is the header", "sep=;x\n1\n", csv, {"sep=;x"}, 1, {{2, {"1"}}}},
      {"tab separator option", "a\tb\nx,y\tz\n", tsv, {"a", "b"}, 1, {{2, {"x,y", "z"}}}},
      {"UTF-8 BOM left by the caller", "\xEF\xBB\xBFname\nÅs\n", csv, {"name"}, 1, {{2, {"Ås"}}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto got = read_delimited(c.text, "in.csv", c.options);
    ASSERT_TRUE(got.has_value()) << got.error().where_and_what();
    EXPECT_EQ(got->file, "in.csv");
    EXPECT_EQ(got->header, c.header);
    EXPECT_EQ(got->header_line, c.header_line);
    ASSERT_EQ(got->records.size(), c.records.size());
    for (std::size_t i = 0; i < c.records.size(); ++i) {
      EXPECT_EQ(got->records[i].line, c.records[i].line) << "record " << i;
      EXPECT_EQ(got->records[i].fields, c.records[i].fields) << "record " << i;
    }
  }
}

TEST(ReadDelimited, QuotingOffKeepsQuotesAsData) {
  auto got = read_delimited("a,b\n\"x\",\"y\"\"\n", "in.csv", {.quoting = false});
  ASSERT_TRUE(got.has_value()) << got.error().where_and_what();
  ASSERT_EQ(got->records.size(), 1u);
  EXPECT_EQ(got->records[0].fields, (Fields{"\"x\"", "\"y\"\""}));
  // With quoting off a quoted comma splits the field.
  auto split = read_delimited("a,b\n\"x,y\",z\n", "in.csv", {.quoting = false});
  ASSERT_FALSE(split.has_value());
  EXPECT_EQ(split.error().detail,
            "expected 2 fields, found 3: the line is truncated or has a stray separator");
}

TEST(ReadDelimited, SepLineSetsTheSeparator) {
  auto got = read_delimited("sep=\t\nA\tB\n", "x.tsv");
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->separator, '\t');
  auto plain = read_delimited("A,B\n", "x.csv");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->separator, ',');
}

TEST(ReadDelimited, BadInputs) {
  struct Case {
    std::string name;
    std::string text;
    long line;
    std::string detail;
  };
  const std::string stray = ": the line is truncated or has a stray separator";
  const Case cases[] = {
      {"empty text", "", 1, "no header line"},
      {"only blank lines", "\n\r\n", 3, "no header line"},
      {"only a sep= line", "sep=\t\n", 2, "no header line"},
      {"only a sep= line without newline", "sep=;", 2, "no header line"},
      {"too few fields", "a,b,c\n1,2,3\n4,5\n", 3, "expected 3 fields, found 2" + stray},
      {"too many fields", "a,b\n1,2\r\n\r\n1,2,3\r\n", 4, "expected 2 fields, found 3" + stray},
      {"one column, two fields", "a\nx,y\n", 2, "expected 1 field, found 2" + stray},
      {"after a multi-line quoted field", "a,b\n\"1\n2\",3\n4\n", 4,
       "expected 2 fields, found 1" + stray},
      {"a multi-line record reports its first line", "a,b\n\"1\n2\"\n", 2,
       "expected 2 fields, found 1" + stray},
      {"unterminated quote", "a,b\n1,2\n3,\"four\n5,6\n", 3,
       "unterminated quote: field 2 opens with '\"' on this line and is never closed"},
      {"unterminated quote in the header", "\"a,b\n", 1,
       "unterminated quote: field 1 opens with '\"' on this line and is never closed"},
      {"text after the closing quote", "a,b\n\"x\"y,z\n", 2,
       "field 1 has text after its closing quote: a field that contains '\"' must be quoted in "
       "full, with each '\"' inside written as '\"\"'"},
      {"comma data under a sep=tab line", "sep=\t\nA\tB\n1,2\n", 3,
       "expected 2 fields, found 1" + stray},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto got = read_delimited(c.text, "in.csv");
    ASSERT_FALSE(got.has_value());
    EXPECT_EQ(got.error().type, "malformed-file");
    EXPECT_EQ(got.error().file, "in.csv");
    EXPECT_EQ(got.error().line, c.line);
    EXPECT_EQ(got.error().detail, c.detail);
  }
}

TEST(ReadDelimited, ErrorReadsAsFileLineWhat) {
  auto got = read_delimited("a,b\n1\n", "schools.csv");
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().where_and_what(),
            "schools.csv:2: expected 2 fields, found 1: the line is truncated or has a stray "
            "separator");
}

TEST(Table, ColumnsByName) {
  auto table =
      read_delimited("sep=\t\nEnhetNivaa\tEnhetNavn\tEnhetNavn\n4\tAsdal skole \tx\n", "np.tsv");
  ASSERT_TRUE(table.has_value());
  auto level = table->column("EnhetNivaa");
  ASSERT_TRUE(level.has_value());
  EXPECT_EQ(*level, 0u);
  auto name = table->column("EnhetNavn");  // the first of duplicates
  ASSERT_TRUE(name.has_value());
  EXPECT_EQ(*name, 1u);
  auto both = table->columns({"EnhetNavn", "EnhetNivaa"});
  ASSERT_TRUE(both.has_value());
  EXPECT_EQ(*both, (std::vector<std::size_t>{1, 0}));
  auto none = table->columns({});
  ASSERT_TRUE(none.has_value());
  EXPECT_TRUE(none->empty());
}

TEST(Table, MissingColumns) {
  auto table = read_delimited("sep=\t\nEnhetNivaa\tEnhetNavn\n", "np.tsv");
  ASSERT_TRUE(table.has_value());
  struct Case {
    std::vector<std::string_view> names;
    std::string detail;
  };
  const Case cases[] = {
      {{"Kommunekode"}, "missing column 'Kommunekode'"},
      {{"enhetnavn"}, "missing column 'enhetnavn'"},  // names match exactly
      {{"EnhetNavn", "A", "EnhetNivaa", "B"}, "missing columns 'A', 'B'"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.detail);
    auto got = table->columns(c.names);
    ASSERT_FALSE(got.has_value());
    EXPECT_EQ(got.error().file, "np.tsv");
    EXPECT_EQ(got.error().line, 2);
    EXPECT_EQ(got.error().detail, c.detail);
  }
  auto one = table->column("Kommunekode");
  ASSERT_FALSE(one.has_value());
  EXPECT_EQ(one.error().where_and_what(), "np.tsv:2: missing column 'Kommunekode'");
}

TEST(Table, FieldError) {
  auto table = read_delimited("a,Skalapoeng\nx,y\n\nx,12a\n", "np.csv");
  ASSERT_TRUE(table.has_value());
  const Record& bad = table->records.at(1);
  auto value = parse_decimal(bad.fields[1]);
  ASSERT_FALSE(value.has_value());
  EXPECT_EQ(table->field_error(bad, 1, value.error().detail).where_and_what(),
            "np.csv:4: column 'Skalapoeng': not a number: '12a'");
  EXPECT_EQ(table->field_error(bad, 7, "odd").detail, "column '#8': odd");
}

TEST(ReadDelimited, HundredThousandLines) {
  std::string text = "sep=\t\nid\tname\tscore\n";
  for (int i = 0; i < 100000; ++i) {
    text += std::to_string(i) + "\tSkole nummer " + std::to_string(i) + " \t3,6\r\n";
  }
  auto got = read_delimited(text, "big.tsv");
  ASSERT_TRUE(got.has_value()) << got.error().where_and_what();
  ASSERT_EQ(got->records.size(), 100000u);
  EXPECT_EQ(got->records.back().line, 100002);
  EXPECT_EQ(got->records.back().fields, (Fields{"99999", "Skole nummer 99999 ", "3,6"}));
}

// The published files in data/reference, read the way an importer will.

std::string reference_file(const std::string& relative) {
  const auto root = std::filesystem::path(__FILE__).parent_path().parent_path().parent_path();
  std::ifstream in(root / "data" / "reference" / relative, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

struct UdirFile {
  std::string path;
  std::size_t records;
  std::size_t schools;
  std::size_t suppressed;
  std::size_t missing;
  std::string national_pupils_english;  // as written in the file
  double national_pupils_value;
};

TEST(ReferenceData, UdirNationalTests) {
  const UdirFile files[] = {
      {"schools/udir_nasjonale_prover_5trinn_2025-26.utf16.tsv", 2445, 2071, 6063, 225, "56 929",
       56929},
      {"schools/udir_nasjonale_prover_ungdomstrinn_2025-26.utf16.tsv", 1527, 1155, 3279, 234,
       "60 728", 60728},
  };
  for (const auto& f : files) {
    SCOPED_TRACE(f.path);
    const std::string bytes = reference_file(f.path);
    ASSERT_FALSE(bytes.empty()) << "missing data/reference/" << f.path;
    EXPECT_EQ(detect_encoding(bytes), Encoding::utf16le);  // no BOM, whatever people say
    auto utf8 = to_utf8(bytes, f.path);
    ASSERT_TRUE(utf8.has_value()) << utf8.error().where_and_what();
    auto table = read_delimited(*utf8, f.path);
    ASSERT_TRUE(table.has_value()) << table.error().where_and_what();
    EXPECT_EQ(table->separator, '\t');
    EXPECT_EQ(table->header_line, 2);
    ASSERT_EQ(table->header.size(), 18u);
    EXPECT_EQ(table->records.size(), f.records);
    EXPECT_EQ(table->records.front().line, 3);

    auto cols = table->columns({"EnhetNivaa", "EnhetNavn", "Organisasjonsnummer"});
    ASSERT_TRUE(cols.has_value()) << cols.error().detail;
    std::size_t schools = 0, suppressed = 0, missing = 0, values = 0;
    for (const Record& r : table->records) {
      if (r.fields[(*cols)[0]] == "4") {
        ++schools;
        EXPECT_TRUE(parse_integer(r.fields[(*cols)[2]]).has_value()) << r.line;
      }
      for (std::size_t c = 9; c < 18; ++c) {
        auto cell = parse_cell(r.fields[c]);
        ASSERT_TRUE(cell.has_value()) << table->field_error(r, c, cell.error().detail).detail;
        if (cell->status == CellStatus::suppressed) {
          ++suppressed;
          EXPECT_FALSE(cell->value.has_value());
        }
        if (cell->status == CellStatus::missing) ++missing;
        if (cell->status == CellStatus::value) ++values;
      }
    }
    EXPECT_EQ(schools, f.schools);
    EXPECT_EQ(suppressed, f.suppressed);
    EXPECT_EQ(missing, f.missing);
    EXPECT_EQ(values + suppressed + missing, f.records * 9);

    const Record& national = table->records.front();
    EXPECT_EQ(national.fields[(*cols)[1]], "Alle skoler");
    EXPECT_EQ(national.fields[11], f.national_pupils_english);
    auto pupils = parse_integer(national.fields[11]);
    ASSERT_TRUE(pupils.has_value());
    EXPECT_EQ(*pupils, f.national_pupils_value);
  }
}

TEST(ReferenceData, UdirSchoolRowAsPublished) {
  const std::string path = "schools/udir_nasjonale_prover_5trinn_2025-26.utf16.tsv";
  auto utf8 = to_utf8(reference_file(path), path);
  ASSERT_TRUE(utf8.has_value());
  auto table = read_delimited(*utf8, path);
  ASSERT_TRUE(table.has_value());
  // Line 7: 4 I 42 4203 975280888 ... "Asdal skole " 52 3,0 36 ...
  const Record& asdal = table->records.at(4);
  EXPECT_EQ(asdal.line, 7);
  EXPECT_EQ(asdal.fields[4], "975280888");
  EXPECT_EQ(asdal.fields[8], "Asdal skole ");  // Udir pads names with a space
  EXPECT_EQ(trim(asdal.fields[8]), "Asdal skole");
  auto uncertainty = parse_cell(asdal.fields[10]);
  ASSERT_TRUE(uncertainty.has_value());
  EXPECT_EQ(uncertainty->value, 3.0);
  EXPECT_TRUE(table->header[9].ends_with("5. årstrinn.Alle eierformer.Alle kjønn.Skalapoeng"));
}

TEST(ReferenceData, InstitutionsCsv) {
  struct Case {
    std::string path;
    std::size_t columns;
    std::size_t records;
    std::size_t record;
    std::size_t field;
    std::string expected;
  };
  const Case cases[] = {
      {"institutions/hoyere-utdanning-2024.csv", 9, 24, 14, 0,
       "MF vitenskapelig høyskole for teologi, religion og samfunn"},
      {"institutions/vitensentre-2023.csv", 8, 13, 12, 1, "Ås (listed as \"Viken\")"},
      {"institutions/vitensentre-2023.csv", 8, 13, 5, 7,
       "later English version of the page lists \"Norwegian Museum of Science and Technology, "
       "Oslo\" in this slot"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    auto utf8 = to_utf8(reference_file(c.path), c.path);
    ASSERT_TRUE(utf8.has_value()) << utf8.error().where_and_what();
    EXPECT_EQ(detect_encoding(*utf8), Encoding::utf8);
    auto table = read_delimited(*utf8, c.path);
    ASSERT_TRUE(table.has_value()) << table.error().where_and_what();
    EXPECT_EQ(table->header.size(), c.columns);
    EXPECT_EQ(table->header.front(), "name");
    ASSERT_EQ(table->records.size(), c.records);
    EXPECT_EQ(table->records.at(c.record).fields.at(c.field), c.expected);
    EXPECT_EQ(table->records.at(c.record).line, static_cast<long>(c.record) + 2);
    EXPECT_FALSE(table->header.back().ends_with("\r"));  // CRLF file
  }
}

}  // namespace
}  // namespace stemnet::text
