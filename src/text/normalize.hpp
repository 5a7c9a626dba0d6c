// text/normalize.hpp — tidy names and build the key we search names by.
//
// Publishers pad names ("Asdal skole " in Udir's files) and people type them
// with or without capitals and accents, and on keyboards without æ, ø, å.
// trim() removes the padding; search_key() maps every spelling of a name that
// our product rule says is "the same name" to one string.
//
// Example:
//   text::trim("Asdal skole ");                   // "Asdal skole"
//   text::search_key("TROMSØ");                   // "tromsoe"
//   text::search_key("tromsoe") == text::search_key("Tromsø");   // true
//   text::search_key("tromso")  == text::search_key("Tromsø");   // false: o is not ø
#pragma once

#include <string>
#include <string_view>

namespace stemnet::text {

// `s` without leading and trailing whitespace: ASCII space, \t, \n, \v, \f,
// \r, U+00A0 NO-BREAK SPACE and U+202F NARROW NO-BREAK SPACE. Never fails.
std::string trim(std::string_view s);

// The search key of a UTF-8 name. Never fails. Product rule, in order:
//  1. Letters are lowercased: ASCII, Latin-1 Supplement (U+00C0-U+00FF) and
//     Latin Extended-A (U+0100-U+017F), which covers ÆØÅ and the Sámi letters
//     Á Č Đ Ŋ Š Ŧ Ž.
//  2. Diacritics are stripped from letters that carry them: é è ê ë → e,
//     á à â ã → a, č ç → c, đ ð → d, ŋ ñ → n, š → s, ŧ → t, ž → z, ü → u,
//     ï → i, ó ò ô õ → o, ý ÿ → y, and so on through Latin Extended-A.
//  3. Swedish/German ä counts as æ and ö as ø (Southern Sámi writes ö too:
//     "Trööndelage").
//  4. The Norwegian letters are written as their standard transliterations:
//     æ → ae, ø → oe, å → aa. So "Tromsø", "TROMSØ" and "tromsoe" share a
//     key, and "Ålesund" matches "aalesund". Plain "o" is NOT "ø": they are
//     different letters in Norwegian, so "tromso" has another key than
//     "Tromsø". Caveat for callers: "tromso" is still a prefix of "tromsoe",
//     so a prefix or substring search will find Tromsø for "tromso"; compare
//     whole keys (or whole words) when the difference matters.
//  5. Other letters: ß → ss, þ → th, œ → oe, ĳ → ij.
//  6. Decomposed input is understood: a + U+030A (ring) → aa, a or o +
//     U+0308 (diaeresis) → ae / oe; other combining marks U+0300-U+036F are
//     dropped.
//  7. Runs of whitespace (as for trim) become one ASCII space; the key is
//     trimmed. Hyphens and other punctuation are kept as they are.
//  8. Invalid UTF-8 bytes are dropped. Any other character passes through
//     unchanged (not lowercased), e.g. "–", "Ʒ", Greek or Cyrillic.
std::string search_key(std::string_view utf8);

// The key that puts names in Norwegian alphabetical order (… x y z æ ø å)
// when compared bytewise: as search_key, except that æ (and ä) ø (and ö)
// and å become '{' '|' '}', the three ASCII characters after 'z'. So
// "Zinkgruvan" < "Ærøy" < "Øksnes" < "Åsane", and "Aase" stays among the a's.
std::string sort_key(std::string_view utf8);

}  // namespace stemnet::text
