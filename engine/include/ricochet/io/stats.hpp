#pragma once
// Statistics of batches: summaries with confidence intervals, and paired differences between variants.
#include <cstddef>
#include <utility>
#include <vector>

namespace ricochet::io {

struct Summary {
  std::size_t n = 0;
  double mean = 0, ci95 = 0; ///< 95 % confidence half-width of the mean (Student t; 0 when n < 2)
  double p10 = 0, p50 = 0, p90 = 0, min = 0, max = 0;
};

/** Summary of values (order does not matter). An empty sample gives n = 0. */
[[nodiscard]] Summary summarize_values(std::vector<double> values);

/** The p-quantile (0..1) of sorted values, by linear interpolation (type 7). */
[[nodiscard]] double quantile(const std::vector<double>& sorted, double p);

struct Difference {
  std::size_t n = 0;
  double mean = 0, ci95 = 0;
  bool significant = false; ///< the 95 % interval excludes 0
};

/** Mean difference (second - first) over paired samples (same seeds: common random numbers). */
[[nodiscard]] Difference paired_difference(const std::vector<std::pair<double, double>>& pairs);

/** Difference of two proportions k2/n2 - k1/n1, normal approximation. */
[[nodiscard]] Difference proportion_difference(std::size_t k1, std::size_t n1, std::size_t k2, std::size_t n2);

} // namespace ricochet::io
