#pragma once
// Static exposure analysis (no simulation): what an attacker could reach from an entry point, what care that puts at
// risk, single points of failure, minimum cuts, and the segmentation changes that shrink the blast radius most.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "ricochet/model/region.hpp"
#include "ricochet/model/variant.hpp"

namespace ricochet::model {

struct BlastRadius {
  std::string entry;
  std::vector<std::string> assets;         ///< footholds the attacker can gain (entry included), sorted
  std::vector<std::string> domains;        ///< whose credentials it can use, sorted
  std::vector<std::string> down;           ///< assets that could be taken down (footholds and what fails with them)
  std::vector<std::string> care_at_risk;   ///< care functions needing any of them, sorted
  std::vector<std::string> organisations;  ///< organisations whose care is at risk, sorted
};

/** Lateral movement over links carrying rdp, smb or ssh, with credentials valid in the target's domain (held from
 *  compromised assets' domains, through trusts without MFA; with tiering, only servers yield a domain's
 *  credentials); MFA on an asset stops it. An entry exposed to the Internet yields its domain's credentials.
 *  @throw std::invalid_argument for an unknown entry */
[[nodiscard]] BlastRadius blast_radius(const Region& region, const std::string& entry);

/** Entry points: assets reachable from the Internet, workstation pools and SaaS services, in region order. */
[[nodiscard]] std::vector<std::string> entry_points(const Region& region);

struct SinglePoints {
  std::string care;                  ///< care function id
  std::vector<std::string> assets;   ///< its needs and everything they need (hosting, hard dependencies)
  std::vector<std::string> links;    ///< links whose loss alone cuts it from something it needs
};

/** Single points of failure of every care function (the model has no redundant dependency: every requirement is
 *  one; links are bridges between the organisation and what it needs). */
[[nodiscard]] std::vector<SinglePoints> single_points(const Region& region);

/** Assets whose loss alone takes down care in several organisations, with those organisations. */
[[nodiscard]] std::map<std::string, std::vector<std::string>> shared_single_points(const Region& region);

struct MinCut {
  /** "cut" (the links below separate them), "separated" (no path already) or "same zone" (nothing to cut). */
  std::string network = "separated";
  /** "cut", "separated" (no trust path already), "same domain" or "no domain". */
  std::string identity = "no domain";
  double weight = 0;               ///< total weight of the cut
  std::vector<std::string> links;  ///< link ids to cut (or filter) to separate the zones for lateral flows
  std::vector<std::string> trusts; ///< "from->to" trusts to remove or protect with MFA to separate the domains
};

/** The cheapest links (weight per link id, default 1) separating the entry's zone from the target's zone for
 *  lateral-movement flows, and the fewest trusts separating their domains. @throw std::invalid_argument for an
 *  unknown asset or a weight that is not a positive finite number */
[[nodiscard]] MinCut minimum_cut(const Region& region, const std::string& entry, const std::string& target,
                                 const std::map<std::string, double>& weights);

struct Candidate {
  std::string description; ///< e.g. "cut link wan-morteau"
  Change change;
  std::size_t assets_before = 0, assets_after = 0, care_before = 0, care_after = 0;
};

/** Single changes (cut a link, remove its lateral flows, MFA on a trust, MFA on an exposed asset), ranked by how much
 *  they shrink the care at risk (then the footholds) summed over the entries. */
[[nodiscard]] std::vector<Candidate> rank_changes(const Region& region, const std::vector<std::string>& entries);

/** The same questions on one region with its indexes built once, for many entries and targets (each free function
 *  above builds them anew: at national scale that is most of its cost). The region must outlive it. */
class ExposureAnalysis {
public:
  explicit ExposureAnalysis(const Region& region);
  ~ExposureAnalysis();
  ExposureAnalysis(const ExposureAnalysis&)            = delete;
  ExposureAnalysis& operator=(const ExposureAnalysis&) = delete;

  /** As model::blast_radius. @throw std::invalid_argument for an unknown entry */
  [[nodiscard]] BlastRadius blast_radius(const std::string& entry) const;
  /** As model::minimum_cut; answers are kept per pair of zones and of domains. @throw std::invalid_argument */
  [[nodiscard]] MinCut minimum_cut(const std::string& entry, const std::string& target,
                                   const std::map<std::string, double>& weights) const;
  /** As model::rank_changes. @throw std::invalid_argument for an unknown entry */
  [[nodiscard]] std::vector<Candidate> rank_changes(const std::vector<std::string>& entries) const;

  struct Impl; ///< the indexes (opaque; shared with the free functions)

private:
  std::unique_ptr<Impl> impl_;
};

} // namespace ricochet::model
