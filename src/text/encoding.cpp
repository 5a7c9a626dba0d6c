#include "text/encoding.hpp"

#include <algorithm>
#include <cstdio>

namespace stemnet::text {
namespace {

std::string hex(unsigned value, int digits) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*X", digits, value);
  return buf;
}

// 1-based column, in code points, of byte `pos` on the line starting at `line_start`.
// Only called with well-formed UTF-8 before `pos`.
std::size_t column_of(std::string_view s, std::size_t line_start, std::size_t pos) {
  auto part = s.substr(line_start, pos - line_start);
  return 1 + std::count_if(part.begin(), part.end(),
                           [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
}

Result<std::string> check_utf8(std::string_view s, std::string_view file) {
  long line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == '\n') {
      ++line;
      line_start = ++i;
      continue;
    }
    if (c == 0) {
      return Error::malformed_file(std::string(file), line,
                                   "NUL byte at column " +
                                       std::to_string(column_of(s, line_start, i)) +
                                       " (is the file UTF-16 without a byte-order mark?)");
    }
    if (c < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode_utf8(s, i, cp);
    if (len == 0) {
      return Error::malformed_file(std::string(file), line,
                                   "invalid UTF-8 byte 0x" + hex(c, 2) + " at column " +
                                       std::to_string(column_of(s, line_start, i)) +
                                       " (is the file Latin-1 or Windows-1252? save it as UTF-8)");
    }
    i += len;
  }
  return std::string(s);
}

Result<std::string> from_utf16(std::string_view b, bool little_endian, std::string_view file) {
  const std::size_t units = b.size() / 2;
  auto unit = [&](std::size_t k) -> char32_t {
    const auto first = static_cast<unsigned char>(b[2 * k]);
    const auto second = static_cast<unsigned char>(b[2 * k + 1]);
    return little_endian ? (first | second << 8) : (first << 8 | second);
  };
  std::string out;
  out.reserve(units + units / 4);
  long line = 1;
  std::size_t column = 1;
  auto fault = [&](std::string what) {
    return Error::malformed_file(std::string(file), line,
                                 what + " at column " + std::to_string(column));
  };
  for (std::size_t k = 0; k < units; ++k) {
    char32_t cp = unit(k);
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      const char32_t low = k + 1 < units ? unit(k + 1) : 0;
      if (low < 0xDC00 || low > 0xDFFF) {
        return fault("unpaired UTF-16 high surrogate U+" + hex(cp, 4));
      }
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
      ++k;
    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
      return fault("unpaired UTF-16 low surrogate U+" + hex(cp, 4));
    } else if (cp == 0) {
      return fault("NUL character");
    }
    append_utf8(out, cp);
    if (cp == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  if (b.size() % 2 != 0) {
    return Error::malformed_file(std::string(file), line,
                                 "truncated UTF-16 text: odd number of bytes");
  }
  return out;
}

}  // namespace

Encoding detect_encoding(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return Encoding::utf8_bom;
  if (bytes.starts_with("\xFF\xFE")) return Encoding::utf16le_bom;
  if (bytes.starts_with("\xFE\xFF")) return Encoding::utf16be_bom;
  const std::size_t units = std::min<std::size_t>(8, bytes.size() / 2);
  if (units == 0) return Encoding::utf8;
  for (std::size_t k = 0; k < units; ++k) {
    if (bytes[2 * k] == '\0' || bytes[2 * k + 1] != '\0') return Encoding::utf8;
  }
  return Encoding::utf16le;
}

Result<std::string> to_utf8(std::string_view bytes, std::string_view file_name) {
  switch (detect_encoding(bytes)) {
    case Encoding::utf8_bom:
      return check_utf8(bytes.substr(3), file_name);
    case Encoding::utf16le_bom:
      return from_utf16(bytes.substr(2), true, file_name);
    case Encoding::utf16be_bom:
      return from_utf16(bytes.substr(2), false, file_name);
    case Encoding::utf16le:
      return from_utf16(bytes, true, file_name);
    case Encoding::utf8:
      break;
  }
  return check_utf8(bytes, file_name);
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    const std::size_t len = decode_utf8(s, i, cp);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::size_t decode_utf8(std::string_view s, std::size_t pos, char32_t& cp) {
  if (pos >= s.size()) return 0;
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[pos + k]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) {
    cp = lead;
    return 1;
  }
  // The second byte's allowed range excludes overlongs (E0, F0), surrogates
  // (ED) and code points above U+10FFFF (F4), per RFC 3629's table.
  std::size_t len = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    len = 2;
    value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    len = 3;
    value = lead & 0x0F;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    len = 4;
    value = lead & 0x07;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  if (s.size() - pos < len) return 0;
  if (byte(1) < lo || byte(1) > hi) return 0;
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    value = value << 6 | (byte(k) & 0x3F);
  }
  cp = value;
  return len;
}

void append_utf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | cp >> 6);
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | cp >> 12);
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | cp >> 18);
    out += static_cast<char>(0x80 | (cp >> 12 & 0x3F));
    out += static_cast<char>(0x80 | (cp >> 6 & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace stemnet::text
