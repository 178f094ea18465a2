#pragma once
// The adversary: a campaign of ATT&CK-tagged steps, scripted (exact times) or stochastic (delay distributions,
// success probabilities), each with preconditions, a target and an effect.
#include <optional>
#include <string>
#include <vector>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/core/enum_names.hpp"
#include "ricochet/core/random.hpp"
#include "ricochet/model/enums.hpp"
#include "ricochet/model/region.hpp"

namespace ricochet::scenario {

enum class AttackAction {
  INITIAL_ACCESS,    ///< foothold through an entry vector
  LATERAL_MOVEMENT,  ///< foothold on targets reachable from current footholds
  STEAL_CREDENTIALS, ///< user credentials of the domains of compromised assets
  DOMAIN_ADMIN,      ///< administrator rights over a domain
  DESTROY_BACKUPS,   ///< deletes online backups (offline and immutable ones survive)
  ENCRYPT,           ///< encrypts targets: they are down until restored or rebuilt
  EXFILTRATE         ///< copies data out to the attacker, over the network
};

enum class EntryVector {
  PHISHING,          ///< a workstation pool
  EXPOSED_SERVICE,   ///< a service reachable from the Internet (VPN, RDP gateway); MFA blocks it
  SAAS_SUPPLY_CHAIN, ///< a SaaS service or its administration account
  TRUSTED_PARTNER    ///< from a compromised partner organisation, over its links and trusts
};

/** Which assets a step acts on: listed ids, or every asset matching all the given filters. */
struct TargetSelector {
  std::vector<std::string> assets;
  std::string org;
  std::string zone;
  std::string domain;
  std::optional<model::AssetKind> kind;

  [[nodiscard]] bool empty() const noexcept
  {
    return assets.empty() && org.empty() && zone.empty() && domain.empty() && !kind;
  }
};

/** When a step may fire, besides its preconditions. */
struct StepTime {
  enum class Kind { ASAP, AT, CLOCK };
  Kind kind  = Kind::ASAP;
  double at_s = 0;      ///< AT: simulated seconds since start
  int minute_of_day = 0; ///< CLOCK: the first such local time once the preconditions hold
};

struct AttackStep {
  std::string id;
  std::string name;
  std::string technique; ///< ATT&CK id, e.g. T1133 or T1021.001
  AttackAction action = AttackAction::LATERAL_MOVEMENT;
  std::vector<std::string> after; ///< steps that must have succeeded first
  StepTime at;
  core::Distribution delay; ///< added after `at` (or after the preconditions)
  double probability = 1.0;
  TargetSelector target;
  std::optional<EntryVector> vector; ///< initial access only
  std::string from_org;              ///< trusted_partner: the partner the attacker comes from
  model::FlowSet flows;              ///< network flows the technique needs
  bool needs_credentials = true;     ///< lateral movement: valid credentials on the target's domain
  std::optional<double> volume_bytes; ///< exfiltrate: per target, at most its data (default: all of it)
  core::SourcePos pos;
};

/** The assets a selector designates, in region order (empty for a domain-only selector). */
[[nodiscard]] std::vector<std::string> select_targets(const model::Region& region, const TargetSelector& selector);

struct Attack {
  std::string name;
  double encryption_rate_Bps = 500e6; ///< per infrastructure host
  double exfiltration_bandwidth_Bps = 12.5e6; ///< the attacker's own Internet link
  std::vector<AttackStep> steps;
};

} // namespace ricochet::scenario

namespace ricochet::core {
template <> struct EnumNames<ricochet::scenario::AttackAction> {
  static const std::vector<std::pair<ricochet::scenario::AttackAction, std::string_view>>& table();
};
template <> struct EnumNames<ricochet::scenario::EntryVector> {
  static const std::vector<std::pair<ricochet::scenario::EntryVector, std::string_view>>& table();
};
} // namespace ricochet::core
