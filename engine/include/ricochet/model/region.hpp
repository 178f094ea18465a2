#pragma once
// The region as plain values: what the loader produces, variants rewrite and the graph indexes.
// Quantities are SI: seconds (_s), bytes (_bytes), bytes per second (_Bps). Ids are unique per kind of thing;
// zones are named "org/zone".
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/model/enums.hpp"

namespace ricochet::model {

using core::SourcePos;

/** The pseudo-endpoint standing for the Internet in links. */
inline constexpr const char* INTERNET_ENDPOINT = "internet";

struct Location {
  double lat = 0;
  double lon = 0;
};

/** Patients a function can neither serve nor have regulated elsewhere who go by themselves to another kind of
 *  care (GP patients to an emergency department or a pharmacy): `share` of those waiting, per hour. */
struct CareOverflow {
  CareKind to = CareKind::EMERGENCY;
  double share = 0;
};

/** How a care function serves patients, normally and on paper. Unset values take the kind's defaults. */
struct CareProfile {
  double demand_per_h = 0;            ///< patients arriving per hour
  std::array<double, 24> hourly = [] { // demand multiplier by local hour (all 1 unless given)
    std::array<double, 24> ones{};
    ones.fill(1.0);
    return ones;
  }();
  std::optional<double> capacity_per_h; ///< nominal capacity (default: 1.25 x demand)
  std::optional<double> floor;        ///< paper-mode capacity, as a fraction of nominal
  double degraded = 0.8;              ///< capacity fraction when only a `uses` asset is lost
  double ramp_up_s = 12 * 3600.0;     ///< back from the floor to nominal after restoration
  double fatigue_after_s = 14 * 86400.0; ///< paper mode wears staff out after this long...
  double fatigue_factor  = 0.8;          ///< ...and the floor is multiplied by this
  std::optional<bool> time_critical;  ///< diverted first (stroke, neonatal...)
  std::optional<double> stay_s;       ///< how long a patient stays in the function (patient-hours)
  std::vector<CareOverflow> overflow; ///< where unplaced patients go by themselves
};

struct CareFunction {
  std::string id; ///< "org/function"
  std::string name; ///< local name within the organisation
  std::string org;
  CareKind kind = CareKind::OTHER;
  std::vector<std::string> needs; ///< assets without which the function falls to its paper mode
  std::vector<double> need_buffer_s; ///< per need (same order): how long the function copes without it
  std::vector<std::string> uses;  ///< assets whose loss slows the function down without stopping it
  std::vector<double> use_buffer_s;  ///< per use (same order)
  CareProfile profile;
  SourcePos pos;

  [[nodiscard]] double nominal_capacity_per_h() const
  {
    return profile.capacity_per_h.value_or(1.25 * profile.demand_per_h);
  }
};

struct Organisation {
  std::string id;
  std::string name;
  OrgKind kind    = OrgKind::OTHER;
  OrgRole role    = OrgRole::NONE;
  std::string ght; ///< empty if not a GHT member
  std::optional<Location> location;
  Continuity continuity = Continuity::NONE;
  std::optional<long> beds;
  std::optional<double> patients_per_day;
  std::string domain; ///< default identity domain of its assets (may be empty)
  std::vector<std::string> zones; ///< qualified zone ids, first = default zone
  SourcePos pos;
};

struct Zone {
  std::string id; ///< "org/name"
  std::string name;
  std::string org;
  SourcePos pos;
};

struct Link {
  std::string id;
  std::string from; ///< zone id or INTERNET_ENDPOINT
  std::string to;
  double bandwidth_Bps = 125e6;
  double latency_s     = 1e-3;
  FlowSet flows;
  bool two_way = true; ///< flows may be opened from either end; else only from `from`
  SourcePos pos;
};

struct Domain {
  std::string id;
  std::string owner; ///< organisation
  std::string forest; ///< forest id (the domain's own id if it is a forest root)
  bool tiering   = false; ///< admin tiering: workstation compromise does not expose tier-0 credentials
  bool bastion   = false; ///< admin access only through a bastion
  bool admin_mfa = false;
  SourcePos pos;
};

struct Trust {
  std::string from; ///< identities of this domain ...
  std::string to;   ///< ... are accepted in this one
  bool two_way = true;
  bool mfa     = false; ///< cross-domain logons require MFA
  SourcePos pos;
};

struct Dependency {
  std::string target;
  bool hard      = true; ///< hard: down when target is down; soft: degraded
  double buffer_s = 0;   ///< how long the dependant keeps working after target is lost
  SourcePos pos;
};

struct BackupSpec {
  BackupMode mode = BackupMode::ONLINE;
  std::vector<std::string> protects;
};

struct Asset {
  std::string id;
  std::string name;
  AssetKind kind = AssetKind::APPLICATION;
  std::string org;    ///< owner
  std::string zone;   ///< where it runs (qualified)
  std::string domain; ///< identity domain it is joined to (may be empty)
  double data_bytes = 0;
  long count        = 1; ///< machines in a workstation pool
  double bandwidth_Bps = 1.25e9; ///< its network interface (10 Gbps); for a backup, how fast it restores
  ControlSet controls;
  std::optional<double> rto_s;
  std::string runs_on; ///< hosting asset (empty if none)
  std::vector<Dependency> depends_on;
  std::optional<BackupSpec> backup; ///< set iff kind == BACKUP
  SourcePos pos;
};

/** A whole territory. Lookups are valid after reindex(). */
struct Region {
  std::string name;
  std::string description;
  std::vector<Organisation> organisations;
  std::vector<Zone> zones;
  std::vector<Link> links;
  std::vector<Domain> domains;
  std::vector<Trust> trusts;
  std::vector<Asset> assets;
  std::vector<CareFunction> care_functions;

  /** Rebuilds the id indexes; call after any change to the vectors. */
  void reindex();

  [[nodiscard]] const Organisation* find_organisation(const std::string& id) const;
  [[nodiscard]] const Zone* find_zone(const std::string& id) const;
  [[nodiscard]] const Link* find_link(const std::string& id) const;
  [[nodiscard]] const Domain* find_domain(const std::string& id) const;
  [[nodiscard]] const Asset* find_asset(const std::string& id) const;
  [[nodiscard]] const CareFunction* find_care_function(const std::string& id) const;
  /** Index of the trust from -> to, or std::nullopt. */
  [[nodiscard]] std::optional<std::size_t> find_trust(const std::string& from, const std::string& to) const;

  [[nodiscard]] std::vector<std::string> organisation_ids() const;
  [[nodiscard]] std::vector<std::string> zone_ids() const;
  [[nodiscard]] std::vector<std::string> link_ids() const;
  [[nodiscard]] std::vector<std::string> domain_ids() const;
  [[nodiscard]] std::vector<std::string> asset_ids() const;

private:
  std::unordered_map<std::string, std::size_t> org_index_, zone_index_, link_index_, domain_index_, asset_index_,
      care_index_;
};

/** Paper-mode floor of a care function by kind and continuity maturity (fraction of nominal capacity);
 *  the table and its sources are in scenario-format.md. */
[[nodiscard]] double default_floor(CareKind kind, Continuity continuity) noexcept;
/** Whether patients of this kind are diverted first. */
[[nodiscard]] bool default_time_critical(CareKind kind) noexcept;
/** Typical stay of a patient in a function of this kind (seconds), for patient-hours. */
[[nodiscard]] double default_stay_s(CareKind kind) noexcept;

/** Data held by an asset of this kind when the file does not say (bytes); documented in scenario-format.md. */
[[nodiscard]] double default_data_bytes(AssetKind kind) noexcept;

} // namespace ricochet::model
