#include <cmath>
#include <cstdio>
#include <limits>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "ricochet/core/fixed_point.hpp"

using namespace ricochet::core;

namespace {

std::string printf_fixed(double v, int decimals)
{
  char buf[400];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string fixed(double v, int decimals)
{
  std::string s = "x";
  append_fixed(s, v, decimals);
  return s.substr(1); // appends after what is there
}

} // namespace

TEST_CASE("core: append_fixed writes what printf writes", "[core]")
{
  SECTION("hand-picked values: ties, carries, signs, zeros, limits") {
    const double values[] = {0.0,     -0.0,      0.0005,   0.0015,    0.0025,    1.0005,  2.675,     0.125,
                             0.9995,  9.9995,    99.99951, 1e-300,    -1e-9,     -0.25,   -123.4567, 4e9,
                             3.99e9,  1e15,      1e300,    0.1,       0.7,       1.0 / 3, 2.0 / 3,   123456.789,
                             4294967.2955, std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity(), std::nan("")};
    for (int d = 0; d <= 6; ++d)
      for (double v : values) {
        INFO("value " << printf_fixed(v, 17) << ", " << d << " decimals");
        REQUIRE(fixed(v, d) == printf_fixed(v, d));
      }
  }
  SECTION("a million random values of the sizes care.csv holds") {
    std::mt19937_64 gen(7);
    std::uniform_real_distribution<double> small(0, 2), large(0, 5e6);
    for (int i = 0; i < 1000000; ++i) {
      double v = i % 2 == 0 ? small(gen) : large(gen);
      int d    = i % 7;
      if (fixed(v, d) != printf_fixed(v, d))
        FAIL("value " << printf_fixed(v, 17) << ", " << d << " decimals: " << fixed(v, d) << " instead of "
                      << printf_fixed(v, d));
    }
  }
  SECTION("near ties of the scaled value (k + 0.5 thousandths), on both sides") {
    for (int k = 0; k < 20000; ++k) {
      double v = (k + 0.5) / 1000.0; // near ties: printf rounds the exact binary value
      REQUIRE(fixed(v, 3) == printf_fixed(v, 3));
    }
  }
  SECTION("integers") {
    std::string s;
    append_integer(s, 0);
    s += ',';
    append_integer(s, 18446744073709551615ULL);
    REQUIRE(s == "0,18446744073709551615");
  }
}
