#pragma once
// Quantities written with units in scenario files: durations, sizes, bandwidths, rates.
// Every parser accepts exactly one documented grammar and throws std::invalid_argument whose message says
// what was expected, so the loader can report it at the right line.
#include <string>
#include <string_view>

namespace ricochet::core {

/** Parses a duration such as "90min", "3h", "2d", "1h30min", "500ms" into seconds.
 *  Units: ms, s, min, h, d, w. @throw std::invalid_argument if the text is not such a duration */
[[nodiscard]] double parse_duration(std::string_view text);

/** Parses a data size such as "40TB", "500GB", "1.5TiB" into bytes (kB/MB/GB/TB/PB decimal, KiB..PiB binary).
 *  @throw std::invalid_argument if the text is not such a size */
[[nodiscard]] double parse_size(std::string_view text);

/** Parses a bandwidth such as "1Gbps", "100Mbps" (bits) or "125MB/s" (bytes) into bytes per second.
 *  @throw std::invalid_argument if the text is not such a bandwidth */
[[nodiscard]] double parse_bandwidth(std::string_view text);

/** Parses a rate such as "6/h", "120/d", "0.5/min" into events per second.
 *  @throw std::invalid_argument if the text is not such a rate */
[[nodiscard]] double parse_rate(std::string_view text);

/** Parses a distance such as "60km" or "500m" into kilometres. @throw std::invalid_argument if it is not one */
[[nodiscard]] double parse_distance_km(std::string_view text);

/** Formats seconds as a short human duration ("1d 3h", "45min", "12s"), for summaries. */
[[nodiscard]] std::string format_duration(double seconds);

/** Formats bytes with a decimal unit ("40 TB", "512 GB"), for summaries. */
[[nodiscard]] std::string format_size(double bytes);

/** Formats a bandwidth in bits per second ("1 Gbps", "100 Mbps"), for summaries. */
[[nodiscard]] std::string format_bandwidth(double bytes_per_second);

} // namespace ricochet::core
