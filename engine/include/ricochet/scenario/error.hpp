#pragma once
#include <stdexcept>
#include <string>
#include <vector>

#include "ricochet/core/diagnostics.hpp"

namespace ricochet::scenario {

/** Bad user input (scenario, region, command line). what() holds every error line, GCC style; the program
 *  prints it and exits with status 2. */
class ScenarioError : public std::runtime_error {
public:
  explicit ScenarioError(const std::string& message) : std::runtime_error(message) {}
  /** Joins the diagnostics' lines (errors and warnings) into one message. */
  [[nodiscard]] static ScenarioError from(const core::Diagnostics& diags);
};

} // namespace ricochet::scenario
