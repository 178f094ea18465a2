#include "ricochet/core/utf8.hpp"

namespace ricochet::core {

std::size_t utf8_valid_prefix(std::string_view text) noexcept
{
  const std::size_t n = text.size();
  std::size_t i       = 0;
  while (i < n) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte < 0x80) {
      ++i;
      continue;
    }
    // The lead byte gives the length and the range of the second byte (RFC 3629, table 3-7 of Unicode): that
    // range is what excludes overlong forms, surrogates and code points past U+10FFFF.
    std::size_t length = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      if (byte == 0xE0)
        lo = 0xA0;
      else if (byte == 0xED)
        hi = 0x9F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      if (byte == 0xF0)
        lo = 0x90;
      else if (byte == 0xF4)
        hi = 0x8F;
    } else {
      return i;
    }
    if (n - i < length)
      return i;
    auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < lo || second > hi)
      return i;
    for (std::size_t k = 2; k < length; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if (next < 0x80 || next > 0xBF)
        return i;
    }
    i += length;
  }
  return n;
}

} // namespace ricochet::core
