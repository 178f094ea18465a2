#pragma once
// Defenders: staffing by time of day, what controls detect and block, playbooks that respond, and recovery.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/core/random.hpp"
#include "ricochet/model/enums.hpp"
#include "ricochet/scenario/attack.hpp"

namespace ricochet::scenario {

/** How much slower people are outside office hours: delay * factor + extra. */
struct StaffingPeriod {
  double factor  = 1.0;
  double extra_s = 0.0;
};

struct Staffing {
  int office_start_min = 8 * 60;
  int office_end_min   = 18 * 60;
  std::array<bool, 7> workdays{true, true, true, true, true, false, false}; ///< Monday first
  StaffingPeriod night;   ///< a workday outside office hours
  StaffingPeriod weekend; ///< a non-working day
};

/** Detection of an attack step's effect on an asset. */
struct DetectionRule {
  std::optional<model::Control> control; ///< the asset must have it; none: people notice (outages, calls)
  std::vector<AttackAction> actions;     ///< empty: any action
  std::vector<std::string> steps;        ///< empty: any step
  double probability = 1.0;
  core::Distribution delay;
  core::SourcePos pos;
};

enum class Trigger { DETECTED, ASSET_ENCRYPTED, IMPACTED };

struct ResponseAction {
  enum class Kind {
    ISOLATE,
    RECONNECT,
    SHUT_DOWN,
    ACTIVATE_CRISIS_CELL,
    DECLARE_INCIDENT,
    RECOVER,
    REQUEST_REGIONAL_SUPPORT
  };
  enum class Scope { EXTERNAL, INTERNET };
  Kind kind = Kind::ISOLATE;
  // ISOLATE / RECONNECT: exactly one of these
  std::string org;
  Scope scope = Scope::EXTERNAL;
  std::string zone;
  std::string link;
  std::string asset;
  // SHUT_DOWN
  TargetSelector assets;
  // DECLARE_INCIDENT
  std::vector<std::string> recipients;
  core::SourcePos pos;
};

struct Playbook {
  std::string id;
  std::string org; ///< whose trigger (and whose staffing applies)
  Trigger when = Trigger::DETECTED;
  core::Distribution delay;
  bool staffed = true; ///< the delay stretches at night and at weekends (false: a planned delay)
  std::vector<ResponseAction> actions;
  core::SourcePos pos;
};

struct RegionalSupport {
  std::string org;          ///< the regional cyber support organisation
  int technicians = 0;
  double delay_s  = 12 * 3600.0; ///< from the request to their arrival
};

struct Recovery {
  int default_technicians = 2;
  std::map<std::string, int> technicians; ///< per organisation
  double setup_s         = 2 * 3600.0;    ///< preparation of each restore
  double offline_extra_s = 6 * 3600.0;    ///< fetching and mounting offline copies
  std::map<model::AssetKind, double> rebuild_s; ///< overrides of default_rebuild_s()
  RegionalSupport regional;

  [[nodiscard]] double rebuild_time(model::AssetKind kind) const;
  [[nodiscard]] int technicians_of(const std::string& org) const;
};

struct Defence {
  Staffing staffing;
  double edr_block = 0.0;         ///< probability that EDR stops a step on an asset it protects
  double bastion_slowdown = 3.0;  ///< factor on the time to domain admin when admins go through a bastion
  std::vector<DetectionRule> detection;
  std::vector<Playbook> playbooks;
  Recovery recovery;
};

/** Defaults for rebuild times from scratch (no surviving backup), by kind; documented in scenario-format.md. */
[[nodiscard]] double default_rebuild_s(model::AssetKind kind);

} // namespace ricochet::scenario

namespace ricochet::core {
template <> struct EnumNames<ricochet::scenario::Trigger> {
  static const std::vector<std::pair<ricochet::scenario::Trigger, std::string_view>>& table();
};
} // namespace ricochet::core
