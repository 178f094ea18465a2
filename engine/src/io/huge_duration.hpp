#pragma once
// Telling a duration that is well formed but too large for a double ("T+" and 400 digits) from one that is not a
// duration at all, whichever exception core::parse_duration throws for the first: both are refused, but with
// different answers (the time's bounds, or the forms expected). Internal to engine/src/io.
#include <cctype>
#include <stdexcept>
#include <string>

#include "ricochet/core/units.hpp"

namespace ricochet::io::detail {

/** Whether text reads as a duration once each of its numbers is made 1: a duration whose numbers overflow. */
inline bool is_overflowing_duration(const std::string& text)
{
  std::string small;
  bool digits = false;
  for (char c : text) {
    const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    if (!digit)
      small += c;
    else if (!digits)
      small += '1';
    digits = digit;
  }
  try {
    (void)core::parse_duration(small);
    return true;
  } catch (const std::invalid_argument&) {
    return false;
  }
}

} // namespace ricochet::io::detail
