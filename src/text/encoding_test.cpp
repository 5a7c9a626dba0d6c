#include "text/encoding.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace stemnet::text {
namespace {

using namespace std::string_literals;

std::string utf16le(std::u16string_view s) {
  std::string out;
  for (char16_t u : s) {
    out += static_cast<char>(u & 0xFF);
    out += static_cast<char>(u >> 8);
  }
  return out;
}

std::string utf16be(std::u16string_view s) {
  std::string out;
  for (char16_t u : s) {
    out += static_cast<char>(u >> 8);
    out += static_cast<char>(u & 0xFF);
  }
  return out;
}

const std::string kLeBom = "\xFF\xFE";
const std::string kBeBom = "\xFE\xFF";

TEST(ToUtf8, DecodesGoodInputs) {
  struct Case {
    std::string name;
    std::string bytes;
    std::string expected;
  };
  const Case cases[] = {
      {"empty", "", ""},
      {"one ASCII byte", "a", "a"},
      {"ASCII CSV", "a,b\n1,2\n", "a,b\n1,2\n"},
      {"UTF-8 without BOM", "Bodø\nTromsø", "Bodø\nTromsø"},
      {"UTF-8 BOM is stripped",
       "\xEF\xBB\xBF"
       "Ås",
       "Ås"},
      {"UTF-8 four-byte", "\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80"},
      {"UTF-16LE BOM", kLeBom + utf16le(u"sep=\t\nÅs"), "sep=\t\nÅs"},
      {"UTF-16LE BOM only", kLeBom, ""},
      {"UTF-16LE without BOM, as Udir writes it", utf16le(u"sep=\t\nEnhetNivaa\tEnhetNavn\n"),
       "sep=\t\nEnhetNivaa\tEnhetNavn\n"},
      {"UTF-16LE without BOM, starting with Å", utf16le(u"Ålesund"), "Ålesund"},
      {"UTF-16LE without BOM, one code unit", utf16le(u"x"), "x"},
      {"UTF-16LE Sámi letters", kLeBom + utf16le(u"Čáhcesuolu Kárášjohka Ŋ Ŧ Đ"),
       "Čáhcesuolu Kárášjohka Ŋ Ŧ Đ"},
      {"UTF-16LE surrogate pair", kLeBom + utf16le(u"a\U0001F600b"),
       "a\xF0\x9F\x98\x80"
       "b"},
      {"UTF-16LE CRLF kept", kLeBom + utf16le(u"a\r\nb"), "a\r\nb"},
      {"UTF-16BE BOM", kBeBom + utf16be(u"Bodø €"), "Bodø €"},
      {"UTF-16BE surrogate pair", kBeBom + utf16be(u"\U0001F600"), "\xF0\x9F\x98\x80"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto got = to_utf8(c.bytes, "f.txt");
    ASSERT_TRUE(got.has_value()) << got.error().where_and_what();
    EXPECT_EQ(*got, c.expected);
  }
}

TEST(ToUtf8, RejectsBadInputsWithLineAndReason) {
  struct Case {
    std::string name;
    std::string bytes;
    long line;
    std::string detail;
  };
  const std::string latin1_hint = " (is the file Latin-1 or Windows-1252? save it as UTF-8)";
  const Case cases[] = {
      {"UTF-16LE odd byte count", utf16le(u"a\nb\n") + "c", 3,
       "truncated UTF-16 text: odd number of bytes"},
      {"UTF-16LE with BOM odd byte count", kLeBom + utf16le(u"x") + "y", 1,
       "truncated UTF-16 text: odd number of bytes"},
      {"UTF-16BE odd byte count", kBeBom + utf16be(u"x\n") + "y", 2,
       "truncated UTF-16 text: odd number of bytes"},
      {"high surrogate at the end", kLeBom + utf16le(u"x\ny\nz") + "\x3D\xD8", 3,
       "unpaired UTF-16 high surrogate U+D83D at column 2"},
      {"high surrogate before a letter", kLeBom + utf16le(u"ab") + "\x3D\xD8" + utf16le(u"c"), 1,
       "unpaired UTF-16 high surrogate U+D83D at column 3"},
      {"lone low surrogate", kLeBom + utf16le(u"a\n") + "\x00\xDE"s, 2,
       "unpaired UTF-16 low surrogate U+DE00 at column 1"},
      {"reversed surrogate pair", kBeBom + "\xDE\x00\xD8\x3D"s, 1,
       "unpaired UTF-16 low surrogate U+DE00 at column 1"},
      {"NUL in UTF-16", kLeBom + utf16le(u"ab") + "\x00\x00"s, 1, "NUL character at column 3"},
      {"Latin-1 ø in UTF-8", "Navn\nBod\xF8\n", 2,
       "invalid UTF-8 byte 0xF8 at column 4" + latin1_hint},
      {"column counts characters not bytes", "Tromsø \xE6", 1,
       "invalid UTF-8 byte 0xE6 at column 8" + latin1_hint},
      {"overlong slash", "a\xC0\xAF", 1, "invalid UTF-8 byte 0xC0 at column 2" + latin1_hint},
      {"overlong three-byte", "\xE0\x80\xAF", 1,
       "invalid UTF-8 byte 0xE0 at column 1" + latin1_hint},
      {"encoded surrogate", "x\n\xED\xA0\x80", 2,
       "invalid UTF-8 byte 0xED at column 1" + latin1_hint},
      {"above U+10FFFF", "\xF4\x90\x80\x80", 1,
       "invalid UTF-8 byte 0xF4 at column 1" + latin1_hint},
      {"sequence cut at end of text", "ab\n\xC3", 2,
       "invalid UTF-8 byte 0xC3 at column 1" + latin1_hint},
      {"sequence cut by newline", "\xC3\n", 1, "invalid UTF-8 byte 0xC3 at column 1" + latin1_hint},
      {"stray continuation byte", "a\n\n\x80", 3,
       "invalid UTF-8 byte 0x80 at column 1" + latin1_hint},
      {"invalid after UTF-8 BOM",
       "\xEF\xBB\xBF"
       "\xFF",
       1, "invalid UTF-8 byte 0xFF at column 1" + latin1_hint},
      {"NUL in UTF-8", "abc\n\0x"s, 2,
       "NUL byte at column 1 (is the file UTF-16 without a byte-order mark?)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto got = to_utf8(c.bytes, "data/x.tsv");
    ASSERT_FALSE(got.has_value()) << "decoded to: " << *got;
    EXPECT_EQ(got.error().kind, ErrorKind::invalid_input);
    EXPECT_EQ(got.error().type, "malformed-file");
    EXPECT_EQ(got.error().file, "data/x.tsv");
    EXPECT_EQ(got.error().line, c.line);
    EXPECT_EQ(got.error().detail, c.detail);
  }
}

TEST(ToUtf8, ErrorReadsAsFileLineWhat) {
  auto got = to_utf8(utf16le(u"sep=\t\nA\tB\n") + "x", "np.tsv");
  ASSERT_FALSE(got.has_value());
  EXPECT_EQ(got.error().where_and_what(), "np.tsv:3: truncated UTF-16 text: odd number of bytes");
}

TEST(DetectEncoding, Table) {
  struct Case {
    std::string name;
    std::string bytes;
    Encoding expected;
  };
  const Case cases[] = {
      {"empty", "", Encoding::utf8},
      {"one byte", "s", Encoding::utf8},
      {"ASCII", "sep=,", Encoding::utf8},
      {"UTF-8 BOM", "\xEF\xBB\xBFx", Encoding::utf8_bom},
      {"UTF-16LE BOM", "\xFF\xFEx\0"s, Encoding::utf16le_bom},
      {"UTF-16BE BOM", "\xFE\xFF\0x"s, Encoding::utf16be_bom},
      {"BOM-less UTF-16LE", utf16le(u"sep=\t\n"), Encoding::utf16le},
      {"BOM-less UTF-16LE with Latin-1 letter", utf16le(u"Ærøy"), Encoding::utf16le},
      {"first unit above U+00FF is not recognised", utf16le(u"Čáhcesuolu"), Encoding::utf8},
      {"zero low byte is not recognised", "\0\0a\0"s, Encoding::utf8},
      {"only the first 8 units are looked at", utf16le(u"abcdefgh") + "xyz", Encoding::utf16le},
      {"UTF-16BE without BOM is not recognised", utf16be(u"sep"), Encoding::utf8},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(detect_encoding(c.bytes), c.expected);
  }
}

TEST(IsValidUtf8, GoodInputs) {
  const std::string cases[] = {
      "",
      "abc",
      "æøå ÆØÅ",
      "Čáhcesuolu",
      "\xE2\x80\xAF",
      "\xF0\x9F\x98\x80",
      "\xF4\x8F\xBF\xBF",
      "\xEF\xBF\xBF",
      "nul \0 is well-formed"s,
  };
  for (const auto& s : cases) EXPECT_TRUE(is_valid_utf8(s)) << s;
}

TEST(IsValidUtf8, BadInputs) {
  const std::string cases[] = {
      "\xF8",
      "Bod\xF8",
      "\xC3",
      "\xC3(",
      "\x80",
      "\xC0\x80",
      "\xC1\xBF",
      "\xE0\x9F\xBF",
      "\xED\xA0\x80",
      "\xED\xBF\xBF",
      "\xF0\x8F\xBF\xBF",
      "\xF4\x90\x80\x80",
      "\xF5\x80\x80\x80",
      "\xFF",
      "\xE2\x82",
  };
  for (const auto& s : cases) EXPECT_FALSE(is_valid_utf8(s)) << s;
}

TEST(Utf8Codec, AppendThenDecodeRoundTrips) {
  struct Case {
    char32_t cp;
    std::string bytes;
  };
  const Case cases[] = {
      {U'A', "A"},
      {U'å', "\xC3\xA5"},
      {U'Ŋ', "\xC5\x8A"},
      {U'€', "\xE2\x82\xAC"},
      {0x1F600, "\xF0\x9F\x98\x80"},
      {0x10FFFF, "\xF4\x8F\xBF\xBF"},
  };
  for (const auto& c : cases) {
    std::string out;
    append_utf8(out, c.cp);
    EXPECT_EQ(out, c.bytes);
    char32_t back = 0;
    EXPECT_EQ(decode_utf8(out, 0, back), c.bytes.size());
    EXPECT_EQ(back, c.cp);
  }
}

TEST(Utf8Codec, BadInputs) {
  std::string out;
  append_utf8(out, 0xD800);
  append_utf8(out, 0x110000);
  EXPECT_EQ(out, "\xEF\xBF\xBD\xEF\xBF\xBD");  // U+FFFD twice
  char32_t cp = U'x';
  EXPECT_EQ(decode_utf8("\xC3", 0, cp), 0u);
  EXPECT_EQ(decode_utf8("ab", 2, cp), 0u);
  EXPECT_EQ(cp, U'x');
}

}  // namespace
}  // namespace stemnet::text
