#include "ricochet/core/fixed_point.hpp"

#include <array>
#include <charconv>
#include <cmath>

namespace ricochet::core {

void append_integer(std::string& out, unsigned long long value)
{
  std::array<char, 24> digits{};
  auto end = std::to_chars(digits.data(), digits.data() + digits.size(), value).ptr;
  out.append(digits.data(), end);
}

void append_fixed(std::string& out, double value, int decimals)
{
  static constexpr double scale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6};
  // Fast path: a positive value whose scaled value is below 4e9, when that is clearly away from a rounding tie. The
  // product is off by half an ulp at most, below 5e-7 at that size: with a margin of 1e-6 around the tie, rounding
  // the product rounds the exact value the same way printf does. Ties, negatives (and negative zero), large and
  // non-finite values take to_chars, which is exact but slower.
  double scaled = decimals >= 0 && decimals <= 6 ? value * scale[decimals] : -1;
  if (!std::signbit(value) && scaled >= 0 && scaled < 4e9) {
    double whole  = std::floor(scaled);
    double frac   = scaled - whole;
    if (std::fabs(frac - 0.5) > 1e-6) {
      auto units = static_cast<unsigned long long>(whole) + (frac > 0.5 ? 1U : 0U);
      auto unit  = static_cast<unsigned long long>(scale[decimals]);
      append_integer(out, units / unit);
      if (decimals > 0) { // the decimals with their leading zeros: the digits of unit + rest after its leading 1
        out += '.';
        append_integer(out, unit + units % unit);
        out.erase(out.size() - static_cast<std::size_t>(decimals) - 1, 1);
      }
      return;
    }
  }
  std::array<char, 352> text{}; // the longest %f of a double: 309 digits, a sign, a point and the decimals
  auto end = std::to_chars(text.data(), text.data() + text.size(), value, std::chars_format::fixed, decimals).ptr;
  out.append(text.data(), end);
}

} // namespace ricochet::core
