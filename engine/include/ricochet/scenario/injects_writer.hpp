#pragma once
// Writing scripted injects back into a scenario file (after a chronogramme import), leaving the rest untouched.
#include <string>

#include "ricochet/scenario/injects.hpp"

namespace ricochet::scenario {

/** The top-level `injects:` block for these injects (YAML text ending with a newline). */
[[nodiscard]] std::string injects_yaml(const Injects& injects);

/** scenario_text with its top-level `injects:` block replaced by block (or block appended if it has none); every
 *  other line, comments included, is kept. */
[[nodiscard]] std::string replace_injects_block(const std::string& scenario_text, const std::string& block);

} // namespace ricochet::scenario
