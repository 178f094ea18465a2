#pragma once
// Deterministic, portable randomness. Each use draws from its own named stream derived from the scenario seed, so
// that changing one part of a scenario (a variant, a detection rule) does not shift the draws of the others:
// variants are compared on common random numbers.
#include <cstdint>
#include <string_view>

namespace ricochet::core {

/** A probability distribution of durations (seconds) or other positive quantities. */
struct Distribution {
  enum class Kind { FIXED, EXPONENTIAL, LOGNORMAL, UNIFORM, TRIANGULAR };
  Kind kind  = Kind::FIXED;
  double a   = 0; ///< fixed: value; exponential: mean; lognormal: median; uniform/triangular: min
  double b   = 0; ///< lognormal: sigma; uniform/triangular: max
  double c   = 0; ///< triangular: mode

  static Distribution fixed(double v) { return {Kind::FIXED, v, 0, 0}; }
  [[nodiscard]] bool is_fixed() const noexcept { return kind == Kind::FIXED; }
};

/** A random stream: splitmix64 seeding of xoshiro256** (same numbers on every platform and compiler). */
class RandomStream {
public:
  /** The stream named name under seed. */
  RandomStream(std::uint64_t seed, std::string_view name);

  [[nodiscard]] std::uint64_t next_u64() noexcept;
  /** Uniform in [0, 1). */
  [[nodiscard]] double uniform() noexcept;
  /** True with probability p. */
  [[nodiscard]] bool bernoulli(double p) noexcept;
  /** A draw from d (never negative). */
  [[nodiscard]] double sample(const Distribution& d) noexcept;

private:
  std::uint64_t s_[4];
};

} // namespace ricochet::core
