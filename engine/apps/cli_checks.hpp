#pragma once
// Command-line values checked as they are read: whole numbers in decimal within their range (CLI11 alone would wrap
// "-1" into a 64-bit seed, or read "010" as octal), and no empty name where a file, directory or id is expected.
#include <charconv>
#include <cstdint>
#include <limits>
#include <string>

#include <CLI/CLI.hpp>

namespace ricochet::cli {

/** The decimal whole number in text if it is one in [min, max]; otherwise nothing, with why in `error`. */
inline bool parse_whole(const std::string& text, std::uint64_t min, std::uint64_t max, std::uint64_t& value,
                        std::string& error)
{
  const char* end = text.data() + text.size();
  auto [ptr, ec]  = std::from_chars(text.data(), end, value);
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    error = "'" + text + "' is not a whole number";
  } else if (ec == std::errc::result_out_of_range || ptr != end || value < min || value > max) {
    error = "'" + text + "' is out of range";
  } else {
    return true;
  }
  error += " (expected " + std::to_string(min) + " to " + std::to_string(max) + ")";
  return false;
}

/** A whole number in [min, max], written in decimal; rewritten without leading zeros before CLI11 converts it. */
inline CLI::Validator whole(std::uint64_t min, std::uint64_t max, const std::string& advice = "")
{
  return CLI::Validator(
      [min, max, advice](std::string& text) {
        std::uint64_t value = 0;
        std::string error;
        if (!parse_whole(text, min, max, value, error))
          return error + (advice.empty() ? "" : "; " + advice);
        text = std::to_string(value);
        return std::string();
      },
      "UINT", "whole");
}

/** Any 64-bit seed: 0 to 18446744073709551615. */
inline CLI::Validator seed() { return whole(0, std::numeric_limits<std::uint64_t>::max()); }

/** Refuses an empty value: an empty name means nothing, and must not silently mean a default. */
inline CLI::Validator non_empty(const std::string& what)
{
  return CLI::Validator(
      [what](std::string& text) { return text.empty() ? "is empty: name " + what : std::string(); }, "", "non_empty");
}

} // namespace ricochet::cli
