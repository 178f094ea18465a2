#pragma once
// Variants: named overlays that change a region (cut a link, remove a trust, make a backup offline, add MFA...),
// so that RSSIs compare segmentation choices on the same scenario.
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "ricochet/model/region.hpp"

namespace ricochet::model {

/** One asset by id, or every asset of an organisation (optionally of one kind). */
struct AssetSelector {
  std::string asset;
  std::string org;
  std::optional<AssetKind> kind;
};

struct CutLink {
  std::string link;
};
struct RemoveFlows {
  std::string link;
  FlowSet flows;
};
struct RemoveTrust {
  std::string from, to;
};
struct SetTrust {
  std::string from, to;
  std::optional<bool> mfa, two_way;
};
struct SetDomain {
  std::string domain;
  std::optional<bool> tiering, bastion, admin_mfa;
};
struct AddControls {
  AssetSelector target;
  ControlSet controls;
};
struct RemoveControls {
  AssetSelector target;
  ControlSet controls;
};
struct SetBackupMode {
  std::string asset;
  BackupMode mode = BackupMode::OFFLINE;
};
struct RemoveDependency {
  std::string from, to;
};
/** The asset leaves its identity domain: only its local accounts administer it (a separate admin plane), so the
 *  domain's administrators no longer do. */
struct LeaveDomain {
  std::string asset;
};
/** Not a change of the region: the scenario's governance rule with this id is left out (e.g. "no CRAPS"). */
struct DisableRule {
  std::string rule;
};

using Change = std::variant<CutLink, RemoveFlows, RemoveTrust, SetTrust, SetDomain, AddControls, RemoveControls,
                            SetBackupMode, RemoveDependency, LeaveDomain, DisableRule>;

struct VariantChange {
  Change change;
  SourcePos pos;
};

struct Variant {
  std::string id;
  std::string description;
  std::vector<VariantChange> changes;
  SourcePos pos;
};

/** Returns region with the variant's changes applied in order (and reindexed).
 *  @throw std::invalid_argument if a change names something the region does not have (the loader checks this
 *  first, so it signals a bug or an unchecked caller) */
[[nodiscard]] Region apply_variant(Region region, const Variant& variant);

/** The ids of the assets a selector designates, in region order. */
[[nodiscard]] std::vector<std::string> select_assets(const Region& region, const AssetSelector& selector);

} // namespace ricochet::model
