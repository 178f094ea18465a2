#pragma once
// A scenario as plain values: the region it plays on, when, for how long, with which seed, and its variants.
// Later sections (attack, defence, governance, injects) get their own structs and readers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ricochet/model/region.hpp"
#include "ricochet/model/variant.hpp"
#include "ricochet/scenario/attack.hpp"
#include "ricochet/scenario/defence.hpp"
#include "ricochet/scenario/governance.hpp"
#include "ricochet/scenario/injects.hpp"

namespace ricochet::scenario {

/** How patients are accounted for. */
struct CareSettings {
  double step_s    = 900;  ///< accounting step
  double radius_km = 60;   ///< how far SAMU regulation diverts patients without regional coordination
};

struct Scenario {
  std::string file;        ///< path as given to the loader
  std::string name;
  std::string description;
  std::string region_file; ///< resolved path (scenario directory + `region`)
  model::Region region;    ///< the base region, before any variant
  std::string start_local; ///< "YYYY-MM-DD HH:MM" in `timezone`
  std::string timezone = "Europe/Paris";
  double duration_s    = 0;
  std::uint64_t seed   = 1;
  std::vector<model::Variant> variants;
  std::optional<Attack> attack; ///< none: the scenario only plays defence, governance and injects
  Defence defence;
  CareSettings care;
  Governance governance;
  Injects injects;

  /** The variant with this id, or nullptr. */
  [[nodiscard]] const model::Variant* find_variant(const std::string& id) const;
  /** The region with the named variant applied (the base region for an empty name).
   *  @throw std::invalid_argument if there is no such variant */
  [[nodiscard]] model::Region region_for(const std::string& variant) const;
  /** The governance with the named variant's disabled rules left out. */
  [[nodiscard]] Governance governance_for(const std::string& variant) const;
  /** The ids of the scripted and conditional injects (what a trainer may fire or re-time). */
  [[nodiscard]] std::vector<std::string> inject_ids() const;
};

} // namespace ricochet::scenario
