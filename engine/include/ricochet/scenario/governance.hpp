#pragma once
// Crisis governance: the ladders (establishment, GHT, ARS, national), the rules written by planners that move them
// (conditions over the model state, hold times, delays), what the CRAPS does once active, and how lost
// communications slow coordination.
#include <optional>
#include <string>
#include <vector>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/core/enum_names.hpp"
#include "ricochet/core/random.hpp"

namespace ricochet::scenario {

enum class Ladder { ESTABLISHMENT, GHT, ARS, NATIONAL };

/** Level names of a ladder, lowest first (establishment: normal, mobilisation, plan_blanc; ...). */
[[nodiscard]] const std::vector<std::string>& ladder_levels(Ladder ladder);

/** A condition over the model state. Leaves test one thing; all/any/not combine. */
struct Condition {
  enum class Kind {
    ALL,
    ANY,
    NOT,
    ORG_IMPACTED,          ///< org: id
    ORGS_IMPACTED,         ///< count: at least this many organisations impacted at once
    CARE_STATE,            ///< care: id, state: up|degraded|down (at least that bad)
    CARE_CAPACITY_BELOW,   ///< care: id, value: fraction of nominal
    ASSET_DOWN,            ///< asset: id
    LADDER_AT_LEAST,       ///< ladder, scope (org or GHT id), level
    HAPPENED               ///< event: kind, subject (an event of that kind about that subject has occurred)
  };
  Kind kind = Kind::ALL;
  std::vector<Condition> children;
  std::string id;    ///< org, care, asset, scope or event subject
  std::string state; ///< care state or event kind
  double value = 0;  ///< count or fraction
  Ladder ladder = Ladder::ARS;
  int level     = 0;
  core::SourcePos pos;
};

struct Rule {
  std::string id;
  Ladder ladder = Ladder::ARS;
  std::string scope; ///< organisation (establishment) or GHT id; empty for ARS and national
  int level = 0;
  Condition when;
  double hold_s = 0;        ///< the condition must hold this long without interruption
  core::Distribution delay; ///< then the decision takes this long (staffed, slowed by lost communications)
  std::vector<std::string> notify; ///< recipients told of the new level
  core::SourcePos pos;
};

struct EquipmentLoan {
  std::vector<std::string> orgs;
  double floor_boost = 0.1;      ///< added to the paper-mode floors of their care functions
  double delay_s     = 24 * 3600.0; ///< delivery time after the CRAPS activates
};

/** What the CRAPS does once the ARS ladder reaches N3. */
struct CrapsActions {
  bool coordinate_diversion = true;          ///< SAMU diversion goes regional (no radius)
  std::vector<std::string> regional_support; ///< organisations it requests regional recovery support for
  std::vector<EquipmentLoan> loans;
};

/** Coordination delays stretch when an organisation's IP telephony is down. */
struct Communications {
  double voice_fallback = 1.5; ///< IP telephony down, analog lines up
  double no_voice       = 3.0; ///< IP telephony down and no analog line working
};

struct Governance {
  std::vector<Rule> rules;
  CrapsActions craps;
  Communications communications;
  double notification_delay_s = 15 * 60.0; ///< to reach a recipient, before communications factors
};

} // namespace ricochet::scenario

namespace ricochet::core {
template <> struct EnumNames<ricochet::scenario::Ladder> {
  static const std::vector<std::pair<ricochet::scenario::Ladder, std::string_view>>& table();
};
} // namespace ricochet::core
