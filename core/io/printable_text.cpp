#include "core/io/printable_text.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>

namespace gradscape {

namespace {

// Length of the valid UTF-8 sequence starting at text[i] (1-4), or 0 when it is not one.
size_t utf8Length(std::string_view text, size_t i, uint32_t& codePoint) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  size_t n = 0;
  uint32_t min = 0;
  if (b0 < 0x80) {
    codePoint = b0;
    return 1;
  }
  if ((b0 & 0xe0) == 0xc0) {
    n = 2;
    min = 0x80;
  } else if ((b0 & 0xf0) == 0xe0) {
    n = 3;
    min = 0x800;
  } else if ((b0 & 0xf8) == 0xf0) {
    n = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  codePoint = b0 & (0x7fu >> n);
  if (i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
    codePoint = (codePoint << 6) | (byte(i + k) & 0x3fu);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
    return 0;
  }
  return n;
}

}  // namespace

std::string printableText(std::string_view text, size_t maxCharacters) {
  std::string out;
  out.reserve(std::min(text.size(), maxCharacters) + 8);
  size_t characters = 0;
  for (size_t i = 0; i < text.size();) {
    if (characters == maxCharacters) {
      out += "...";
      break;
    }
    uint32_t cp = 0;
    const size_t n = utf8Length(text, i, cp);
    char buf[12];
    if (n == 0) {
      std::snprintf(buf, sizeof buf, "\\x%02X", static_cast<unsigned char>(text[i]));
      out += buf;
      i += 1;
    } else if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 || cp == 0x2029) {
      std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(cp));
      out += buf;
      i += n;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
    ++characters;
  }
  return out;
}

}  // namespace gradscape
