#include "ricochet/io/stats.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <boost/math/distributions/students_t.hpp>

namespace ricochet::io {

namespace {
double t_critical(std::size_t n)
{
  if (n < 2)
    return 0;
  boost::math::students_t dist(static_cast<double>(n - 1));
  return boost::math::quantile(boost::math::complement(dist, 0.025));
}

/** Mean and sample standard deviation. */
std::pair<double, double> moments(const std::vector<double>& v)
{
  double mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  double ss   = 0;
  for (double x : v)
    ss += (x - mean) * (x - mean);
  double sd = v.size() > 1 ? std::sqrt(ss / static_cast<double>(v.size() - 1)) : 0.0;
  return {mean, sd};
}
} // namespace

double quantile(const std::vector<double>& sorted, double p)
{
  if (sorted.empty())
    return 0;
  double h        = (static_cast<double>(sorted.size()) - 1) * p;
  auto lo         = static_cast<std::size_t>(std::floor(h));
  std::size_t hi  = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

Summary summarize_values(std::vector<double> values)
{
  Summary s;
  s.n = values.size();
  if (values.empty())
    return s;
  std::sort(values.begin(), values.end());
  auto [mean, sd] = moments(values);
  s.mean          = mean;
  s.ci95          = t_critical(s.n) * sd / std::sqrt(static_cast<double>(s.n));
  s.p10           = quantile(values, 0.10);
  s.p50           = quantile(values, 0.50);
  s.p90           = quantile(values, 0.90);
  s.min           = values.front();
  s.max           = values.back();
  return s;
}

Difference paired_difference(const std::vector<std::pair<double, double>>& pairs)
{
  Difference d;
  d.n = pairs.size();
  if (pairs.empty())
    return d;
  std::vector<double> diffs;
  for (const auto& [a, b] : pairs)
    diffs.push_back(b - a);
  auto [mean, sd] = moments(diffs);
  d.mean          = mean;
  d.ci95          = t_critical(d.n) * sd / std::sqrt(static_cast<double>(d.n));
  d.significant   = d.n >= 2 && std::fabs(d.mean) > d.ci95;
  return d;
}

Difference proportion_difference(std::size_t k1, std::size_t n1, std::size_t k2, std::size_t n2)
{
  Difference d;
  if (n1 == 0 || n2 == 0)
    return d;
  double p1 = static_cast<double>(k1) / static_cast<double>(n1), p2 = static_cast<double>(k2) / static_cast<double>(n2);
  d.n       = std::min(n1, n2);
  d.mean    = p2 - p1;
  d.ci95    = 1.96 * std::sqrt(p1 * (1 - p1) / static_cast<double>(n1) + p2 * (1 - p2) / static_cast<double>(n2));
  d.significant = std::fabs(d.mean) > d.ci95 && d.ci95 > 0;
  // Both proportions at 0 or 1: no spread, but a difference is then certain.
  if (d.ci95 == 0 && d.mean != 0)
    d.significant = true;
  return d;
}

} // namespace ricochet::io
