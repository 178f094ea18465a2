#pragma once
// "Did you mean" help for misspelt keys, enum values and ids.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ricochet::core {

/** Levenshtein distance between two strings (byte-wise). */
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/** The known words closest to word (at most max_count, nearest first, ties by name); only those close enough
 *  to be a plausible typo unless any_distance is set. */
[[nodiscard]] std::vector<std::string> closest(std::string_view word, const std::vector<std::string>& known,
                                               std::size_t max_count = 3, bool any_distance = false);

/** "; did you mean 'x'?" when a close match exists, else "". */
[[nodiscard]] std::string did_you_mean(std::string_view word, const std::vector<std::string>& known);

/** " (closest: a, b, c)" naming the nearest known ids whatever their distance, or " (none defined)". */
[[nodiscard]] std::string closest_known(std::string_view word, const std::vector<std::string>& known);

/** "a, b, c" */
[[nodiscard]] std::string join(const std::vector<std::string>& items, std::string_view sep = ", ");

} // namespace ricochet::core
