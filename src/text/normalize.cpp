#include "text/normalize.hpp"

#include "text/encoding.hpp"

namespace stemnet::text {
namespace {

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool is_space(char32_t cp) {
  return (cp < 0x80 && is_ascii_space(static_cast<char>(cp))) || cp == 0xA0 || cp == 0x202F;
}

// How letters of Latin-1 Supplement and Latin Extended-A are written in a
// search key (see normalize.hpp). Code points not listed pass through.
struct Fold {
  char32_t first;
  char32_t last;
  std::string_view key;
};

constexpr Fold kFolds[] = {
    // Latin-1 Supplement, capitals then small letters; × and ÷ are not letters.
    {0xC0, 0xC3, "a"},
    {0xC4, 0xC4, "ae"},
    {0xC5, 0xC5, "aa"},
    {0xC6, 0xC6, "ae"},
    {0xC7, 0xC7, "c"},
    {0xC8, 0xCB, "e"},
    {0xCC, 0xCF, "i"},
    {0xD0, 0xD0, "d"},
    {0xD1, 0xD1, "n"},
    {0xD2, 0xD5, "o"},
    {0xD6, 0xD6, "oe"},
    {0xD8, 0xD8, "oe"},
    {0xD9, 0xDC, "u"},
    {0xDD, 0xDD, "y"},
    {0xDE, 0xDE, "th"},
    {0xDF, 0xDF, "ss"},
    {0xE0, 0xE3, "a"},
    {0xE4, 0xE4, "ae"},
    {0xE5, 0xE5, "aa"},
    {0xE6, 0xE6, "ae"},
    {0xE7, 0xE7, "c"},
    {0xE8, 0xEB, "e"},
    {0xEC, 0xEF, "i"},
    {0xF0, 0xF0, "d"},
    {0xF1, 0xF1, "n"},
    {0xF2, 0xF5, "o"},
    {0xF6, 0xF6, "oe"},
    {0xF8, 0xF8, "oe"},
    {0xF9, 0xFC, "u"},
    {0xFD, 0xFD, "y"},
    {0xFE, 0xFE, "th"},
    {0xFF, 0xFF, "y"},
    // Latin Extended-A, capital and small letter pairs by base letter.
    {0x100, 0x105, "a"},
    {0x106, 0x10D, "c"},
    {0x10E, 0x111, "d"},
    {0x112, 0x11B, "e"},
    {0x11C, 0x123, "g"},
    {0x124, 0x127, "h"},
    {0x128, 0x131, "i"},
    {0x132, 0x133, "ij"},
    {0x134, 0x135, "j"},
    {0x136, 0x138, "k"},
    {0x139, 0x142, "l"},
    {0x143, 0x14B, "n"},
    {0x14C, 0x151, "o"},
    {0x152, 0x153, "oe"},
    {0x154, 0x159, "r"},
    {0x15A, 0x161, "s"},
    {0x162, 0x167, "t"},
    {0x168, 0x173, "u"},
    {0x174, 0x175, "w"},
    {0x176, 0x178, "y"},
    {0x179, 0x17E, "z"},
    {0x17F, 0x17F, "s"},
};

std::string_view fold(char32_t cp) {
  if (cp < 0xC0 || cp > 0x17F) return {};
  for (const Fold& f : kFolds) {
    if (cp >= f.first && cp <= f.last) return f.key;
  }
  return {};
}

constexpr char32_t kCombiningDiaeresis = 0x308;
constexpr char32_t kCombiningRing = 0x30A;

// For sorting, æ ø å are letters after z: ASCII '{' '|' '}' follow 'z'.
char norwegian_sort_letter(char32_t cp) {
  switch (cp) {
    case 0xC4:
    case 0xC6:
    case 0xE4:
    case 0xE6:
      return '{';  // Ä Æ ä æ
    case 0xD6:
    case 0xD8:
    case 0xF6:
    case 0xF8:
      return '|';  // Ö Ø ö ø
    case 0xC5:
    case 0xE5:
      return '}';  // Å å
    default:
      return 0;
  }
}

std::string fold_name(std::string_view utf8, bool for_sort) {
  std::string key;
  key.reserve(utf8.size() + utf8.size() / 4);
  bool pending_space = false;
  char plain_vowel = 0;  // 'a' or 'o' just written from an unaccented letter
  for (std::size_t i = 0; i < utf8.size();) {
    char32_t cp = 0;
    const std::size_t len = decode_utf8(utf8, i, cp);
    if (len == 0) {
      ++i;
      continue;
    }
    i += len;
    if (is_space(cp)) {
      pending_space = !key.empty();
      plain_vowel = 0;
      continue;
    }
    if (cp >= 0x300 && cp <= 0x36F) {
      if (for_sort) {
        if (cp == kCombiningRing && plain_vowel == 'a') key.back() = '}';
        if (cp == kCombiningDiaeresis && plain_vowel != 0)
          key.back() = plain_vowel == 'a' ? '{' : '|';
      } else {
        if (cp == kCombiningRing && plain_vowel == 'a') key += 'a';
        if (cp == kCombiningDiaeresis && plain_vowel != 0) key += 'e';
      }
      plain_vowel = 0;
      continue;
    }
    if (pending_space) {
      key += ' ';
      pending_space = false;
    }
    plain_vowel = 0;
    if (cp < 0x80) {
      const char c =
          cp >= 'A' && cp <= 'Z' ? static_cast<char>(cp - 'A' + 'a') : static_cast<char>(cp);
      key += c;
      if (c == 'a' || c == 'o') plain_vowel = c;
    } else if (const char n = for_sort ? norwegian_sort_letter(cp) : 0; n != 0) {
      key += n;
    } else if (const std::string_view folded = fold(cp); !folded.empty()) {
      key += folded;
    } else {
      append_utf8(key, cp);
    }
  }
  return key;
}

}  // namespace

std::string trim(std::string_view s) {
  while (!s.empty()) {
    if (is_ascii_space(s.front())) {
      s.remove_prefix(1);
    } else if (s.starts_with("\xC2\xA0")) {
      s.remove_prefix(2);
    } else if (s.starts_with("\xE2\x80\xAF")) {
      s.remove_prefix(3);
    } else {
      break;
    }
  }
  while (!s.empty()) {
    if (is_ascii_space(s.back())) {
      s.remove_suffix(1);
    } else if (s.ends_with("\xC2\xA0")) {
      s.remove_suffix(2);
    } else if (s.ends_with("\xE2\x80\xAF")) {
      s.remove_suffix(3);
    } else {
      break;
    }
  }
  return std::string(s);
}

std::string search_key(std::string_view utf8) { return fold_name(utf8, false); }

std::string sort_key(std::string_view utf8) { return fold_name(utf8, true); }

}  // namespace stemnet::text
