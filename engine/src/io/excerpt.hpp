#pragma once
// Quoting what a user wrote in an error message without echoing a whole hostile line or cell back.
// Internal to engine/src/io.
#include <cstddef>
#include <string>

namespace ricochet::io::detail {

/** text, or its first bytes (cut at a UTF-8 character boundary) and "..." when it is longer than max_bytes. */
inline std::string excerpt(const std::string& text, std::size_t max_bytes = 60)
{
  if (text.size() <= max_bytes)
    return text;
  std::size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
    --cut;
  return text.substr(0, cut) + "...";
}

} // namespace ricochet::io::detail
