#pragma once
// UTF-8 well-formedness, checked where text enters (scenario and region files) so that every later output
// (JSON, CSV, HTML) can rely on it.
#include <cstddef>
#include <string_view>

namespace ricochet::core {

/** Length of the longest well-formed UTF-8 prefix of text: text.size() if it is all well-formed, else the offset
 *  of the first byte that starts no valid sequence (stray continuation byte, overlong form, surrogate, code point
 *  past U+10FFFF, truncated sequence). */
[[nodiscard]] std::size_t utf8_valid_prefix(std::string_view text) noexcept;

} // namespace ricochet::core
