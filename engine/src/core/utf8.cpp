#include "ricochet/core/utf8.hpp"

#include <utf8.h> // utfcpp: well-formedness as RFC 3629 defines it (no overlong forms, surrogates, or past U+10FFFF)

namespace ricochet::core {

std::size_t utf8_valid_prefix(std::string_view text) noexcept
{
  return static_cast<std::size_t>(utf8::find_invalid(text.begin(), text.end()) - text.begin());
}

} // namespace ricochet::core
