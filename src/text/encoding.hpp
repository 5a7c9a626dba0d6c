// text/encoding.hpp — turn a published file's bytes into UTF-8 text.
//
// We import public files exactly as their publishers wrote them. Udir's
// national-test exports are UTF-16LE (in practice without a byte-order mark,
// whatever the documentation says); most other publishers write UTF-8, some
// with a BOM. to_utf8 accepts all of these and hands back plain UTF-8 without
// a BOM, or an error that says file:line where the text is broken.
//
// Example:
//   auto text = text::to_utf8(bytes, "udir_nasjonale_prover_5trinn.tsv");
//   if (!text) return text.error();   // e.g. "x.tsv:12: unpaired UTF-16 surrogate U+D83D"
//   auto table = text::read_delimited(*text, "udir_nasjonale_prover_5trinn.tsv");
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace stemnet::text {

enum class Encoding {
  utf8,         // no BOM; must be valid UTF-8
  utf8_bom,     // EF BB BF
  utf16le_bom,  // FF FE
  utf16be_bom,  // FE FF
  utf16le,      // no BOM, recognised by the heuristic below
};

// Guesses the encoding of `bytes` from its first bytes. Never fails.
//
// BOM-less UTF-16LE heuristic: the input has at least two bytes and each of
// its first code units (up to 8, as many as the input holds) has a zero high
// byte and a non-zero low byte, i.e. is U+0001..U+00FF. Text in the Latin
// scripts we import starts like that ("sep=\t", "EnhetNivaa", "Ålesund"),
// while valid UTF-8 never contains a zero byte, so the rule cannot misread a
// UTF-8 file that to_utf8 would otherwise accept.
Encoding detect_encoding(std::string_view bytes);

// Decodes `bytes` (encoding as detect_encoding says) to UTF-8 without a BOM.
// The result is valid UTF-8 and contains no NUL character.
// On failure returns Error::malformed_file(file_name, line, detail), where
// line is 1 + the number of '\n' decoded before the fault, for:
//   - UTF-16 input with an odd number of bytes
//     ("truncated UTF-16 text: odd number of bytes"),
//   - an unpaired or reversed UTF-16 surrogate,
//   - an invalid UTF-8 sequence (overlong, surrogate, > U+10FFFF, truncated,
//     stray continuation byte),
//   - a NUL character in either encoding.
[[nodiscard]] Result<std::string> to_utf8(std::string_view bytes, std::string_view file_name);

// True when `s` is well-formed UTF-8 (RFC 3629: no overlongs, no surrogates,
// nothing above U+10FFFF). U+0000 counts as well-formed here; to_utf8 is the
// stricter gate that also rejects it.
bool is_valid_utf8(std::string_view s);

// Decodes the UTF-8 sequence that starts at s[pos] into `cp` and returns its
// length in bytes (1..4). Returns 0, leaving `cp` alone, when the bytes there
// are not a well-formed sequence or pos is past the end.
std::size_t decode_utf8(std::string_view s, std::size_t pos, char32_t& cp);

// Appends the UTF-8 encoding of `cp` to `out`. `cp` must be a Unicode scalar
// value (not a surrogate, at most U+10FFFF); anything else appends U+FFFD.
void append_utf8(std::string& out, char32_t cp);

}  // namespace stemnet::text
