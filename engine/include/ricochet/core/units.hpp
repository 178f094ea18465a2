#pragma once
// Quantities written with units in scenario files, actions files, chronogrammes and the command line: durations,
// sizes, bandwidths, rates, distances.
//
// Contract of every parse_* function: it accepts exactly one documented grammar (an unsigned decimal number, no
// exponent, no sign, then a unit, no spaces) and a value up to its kind's bound below, and returns the value in
// base units (always finite, >= 0). Otherwise it throws std::invalid_argument, and nothing else (a number of 400
// digits included): its what() completes "must be ...": the expected form ("a duration such as '90min', ...") or
// the bound exceeded ("a duration of at most 365d (one year)"), so that a caller reports it at the input's
// position: "FILE:LINE:COL: error: 'rto' of asset 'dpi' must be a duration of at most 365d (one year), found
// '400d'". The bounds are far beyond any exercise and documented in docs/scenario-format.md.
#include <stdexcept>
#include <string>
#include <string_view>

namespace ricochet::core {

/** A quantity that reads well but is above its bound (a 400-digit number among them): the message says the bound.
 *  Callers that answer "too far" differently from "not a quantity" catch it first. */
class AboveBound : public std::invalid_argument {
public:
  using std::invalid_argument::invalid_argument;
};

/** Longest duration: one year (a regional exercise lasts days, the recovery it plays weeks or months). */
inline constexpr double MAX_DURATION_S = 365 * 86400.0;
/** Largest size: 1000 PB (10^18 bytes). */
inline constexpr double MAX_SIZE_B = 1e18;
/** Largest bandwidth: 100 Tbps, in bytes per second. */
inline constexpr double MAX_BANDWIDTH_BPS = 100e12 / 8;
/** Largest rate: 100 per second. */
inline constexpr double MAX_RATE_PER_S = 100;
/** Longest distance: 20 000 km, half the Earth's circumference. */
inline constexpr double MAX_DISTANCE_KM = 20000;

/** Parses a duration such as "90min", "3h", "2d", "1h30min", "500ms" into seconds.
 *  Units: ms, s, min, h, d, w. @throw std::invalid_argument if the text is not such a duration, or is above
 *  MAX_DURATION_S */
[[nodiscard]] double parse_duration(std::string_view text);

/** Parses a data size such as "40TB", "500GB", "1.5TiB" into bytes (kB/MB/GB/TB/PB decimal, KiB..PiB binary).
 *  @throw std::invalid_argument if the text is not such a size, or is above MAX_SIZE_B */
[[nodiscard]] double parse_size(std::string_view text);

/** Parses a bandwidth such as "1Gbps", "100Mbps" (bits) or "125MB/s" (bytes) into bytes per second.
 *  @throw std::invalid_argument if the text is not such a bandwidth, or is above MAX_BANDWIDTH_BPS */
[[nodiscard]] double parse_bandwidth(std::string_view text);

/** Parses a rate such as "6/h", "120/d", "0.5/min" into events per second.
 *  @throw std::invalid_argument if the text is not such a rate, or is above MAX_RATE_PER_S */
[[nodiscard]] double parse_rate(std::string_view text);

/** Parses a distance such as "60km" or "500m" into kilometres.
 *  @throw std::invalid_argument if it is not one, or is above MAX_DISTANCE_KM */
[[nodiscard]] double parse_distance_km(std::string_view text);

/** Formats seconds as a short human duration ("1d 3h", "45min", "12s"), for summaries. */
[[nodiscard]] std::string format_duration(double seconds);

/** Formats bytes with a decimal unit ("40 TB", "512 GB"), for summaries. */
[[nodiscard]] std::string format_size(double bytes);

/** Formats a bandwidth in bits per second ("1 Gbps", "100 Mbps"), for summaries. */
[[nodiscard]] std::string format_bandwidth(double bytes_per_second);

} // namespace ricochet::core
