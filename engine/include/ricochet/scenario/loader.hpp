#pragma once
// Loading region and scenario files: every problem is reported with its position, several per pass.
#include <optional>
#include <string>
#include <string_view>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/model/region.hpp"
#include "ricochet/scenario/scenario.hpp"

namespace ricochet::scenario {

/** What a file turned out to be: a region (has `organisations`) or a scenario (has `region`). */
struct LoadedFile {
  std::optional<model::Region> region;  ///< set for a region file
  std::optional<Scenario> scenario;     ///< set for a scenario file
};

/** True if text is an identifier as ids are written in region and scenario files: letters, digits, '_', '-', '.',
 *  and not only dots ('.' and '..' cannot name a directory). */
[[nodiscard]] bool is_identifier(std::string_view text);

/** Loads a region or scenario file, reporting every problem (and warning) into diags.
 *  Returns std::nullopt if there was any error. Never throws for bad input. */
[[nodiscard]] std::optional<LoadedFile> load_file(const std::string& path, core::Diagnostics& diags);

/** Loads a region from YAML text; file names it in messages. Returns std::nullopt on error. */
[[nodiscard]] std::optional<model::Region> load_region_text(const std::string& text, const std::string& file,
                                                           core::Diagnostics& diags);

/** Loads a scenario file (and its region). @throw ScenarioError with every error if it is invalid */
[[nodiscard]] Scenario load_scenario(const std::string& path);

/** Loads a region file. @throw ScenarioError with every error if it is invalid */
[[nodiscard]] model::Region load_region(const std::string& path);

} // namespace ricochet::scenario
