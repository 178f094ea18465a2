#include "ricochet/core/random.hpp"

#include <algorithm>
#include <cmath>

namespace ricochet::core {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) noexcept
{
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z               = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z               = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t fnv1a(std::string_view text) noexcept
{
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }

} // namespace

RandomStream::RandomStream(std::uint64_t seed, std::string_view name)
{
  std::uint64_t x = seed ^ fnv1a(name);
  for (auto& s : s_)
    s = splitmix64(x);
}

std::uint64_t RandomStream::next_u64() noexcept
{
  const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
  const std::uint64_t t      = s_[1] << 17;
  s_[2] ^= s_[0];
  s_[3] ^= s_[1];
  s_[1] ^= s_[2];
  s_[0] ^= s_[3];
  s_[2] ^= t;
  s_[3] = rotl(s_[3], 45);
  return result;
}

double RandomStream::uniform() noexcept { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

bool RandomStream::bernoulli(double p) noexcept { return p >= 1.0 || (p > 0.0 && uniform() < p); }

double RandomStream::sample(const Distribution& d) noexcept
{
  switch (d.kind) {
    case Distribution::Kind::FIXED:
      return d.a;
    case Distribution::Kind::EXPONENTIAL:
      return -d.a * std::log1p(-uniform());
    case Distribution::Kind::LOGNORMAL: {
      // Box-Muller: one normal draw from two uniforms (the second half is dropped to keep streams simple).
      double u1 = 1.0 - uniform(); // (0, 1]
      double u2 = uniform();
      double z  = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * M_PI * u2);
      return d.a * std::exp(d.b * z);
    }
    case Distribution::Kind::UNIFORM:
      return d.a + (d.b - d.a) * uniform();
    case Distribution::Kind::TRIANGULAR: {
      double u = uniform(), lo = d.a, hi = d.b, mode = d.c;
      if (hi <= lo)
        return lo;
      double f = (mode - lo) / (hi - lo);
      if (u < f)
        return lo + std::sqrt(u * (hi - lo) * (mode - lo));
      return hi - std::sqrt((1 - u) * (hi - lo) * (hi - mode));
    }
  }
  return std::max(0.0, d.a);
}

} // namespace ricochet::core
