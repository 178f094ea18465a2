#include "ricochet/core/suggest.hpp"

#include <algorithm>
#include <numeric>

namespace ricochet::core {

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0]               = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j]            = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal          = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& known, std::size_t max_count,
                                 bool any_distance)
{
  std::vector<std::pair<std::size_t, std::string>> scored;
  // A typo changes about a third of a short word; beyond that a suggestion misleads more than it helps.
  std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  for (const auto& k : known) {
    std::size_t d = edit_distance(word, k);
    bool prefix   = k.size() >= 3 && word.size() >= 3 && (k.find(word) == 0 || word.find(k) == 0);
    if (any_distance || d <= limit || prefix)
      scored.emplace_back(prefix ? std::min(d, limit) : d, k);
  }
  std::sort(scored.begin(), scored.end());
  scored.erase(std::unique(scored.begin(), scored.end()), scored.end());
  std::vector<std::string> out;
  for (const auto& s : scored) {
    if (out.size() == max_count)
      break;
    out.push_back(s.second);
  }
  return out;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& known)
{
  auto near = closest(word, known, 1);
  return near.empty() ? std::string() : "; did you mean '" + near.front() + "'?";
}

std::string closest_known(std::string_view word, const std::vector<std::string>& known)
{
  if (known.empty())
    return " (none defined)";
  return " (closest: " + join(closest(word, known, 3, true)) + ")";
}

std::string join(const std::vector<std::string>& items, std::string_view sep)
{
  std::string out;
  for (const auto& item : items) {
    if (!out.empty())
      out += sep;
    out += item;
  }
  return out;
}

} // namespace ricochet::core
