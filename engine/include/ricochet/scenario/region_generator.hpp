#pragma once
// Synthetic regions of any size, with the shape of a French health territory, to measure how cost grows with size.
#include <cstddef>
#include <cstdint>
#include <string>

namespace ricochet::scenario {

/** What to generate. */
struct GeneratorSpec {
  std::size_t orgs      = 150; ///< organisations, exactly
  std::uint64_t seed    = 1;   ///< same spec, same bytes
  double assets_per_org = 16;  ///< assets = round(orgs x this), exactly (business applications fill the gap)
};

/** A generated region: its YAML text, its counts and the ids a scenario on it needs. */
struct GeneratedRegion {
  std::string yaml;
  std::size_t organisations = 0;
  std::size_t assets        = 0;
  std::size_t departements  = 0;
  std::string pivot;     ///< the first GHT's pivot hospital (the scenario's target)
  std::string ght;       ///< its GHT
  std::string domain;    ///< its identity domain
  std::string member;    ///< a hosted member hospital of that GHT (empty if none)
  std::string lab_lis;   ///< the laboratory information system its emergency needs (empty if none)
  std::string cyber;     ///< the regional cybersecurity support organisation
};

/** Smallest number of organisations generate_region accepts. */
inline constexpr std::size_t MIN_GENERATED_ORGS = 10;

/** Most assets generate_region writes: 200 times the national region of 50,000 assets, far beyond any measurement,
 *  and small enough that a typo such as --assets-per-org 1e300 is refused instead of running without end. */
inline constexpr double MAX_GENERATED_ASSETS = 1e7;

/** Generates a region: départements, each with a GHT whose pivot hosts its members' and EHPADs' patient records on
 *  its hypervisors, a laboratory group whose LIS serves several sites, imaging with PACS, GP practices on SaaS
 *  vendors, pharmacies and a SAMU; a CHU every few départements; the ARS, the regional e-health platform and the
 *  cyber support centre; WAN links, one directory domain per GHT, laboratory and CHU with trusts between them;
 *  online, offline and immutable backups; care functions with demand. Deterministic.
 *  @throw std::invalid_argument if orgs < MIN_GENERATED_ORGS, or if assets_per_org is not positive or asks for
 *  fewer assets than the structure needs (the message says how many) or more than MAX_GENERATED_ASSETS */
[[nodiscard]] GeneratedRegion generate_region(const GeneratorSpec& spec);

/** A scenario on a generated region: a night-time ransomware on the first pivot (VPN without MFA, domain admin,
 *  online backups deleted, hypervisors encrypted at 03:00), detection, playbooks, recovery with regional support,
 *  governance rules up to the CRAPS, generated injects. region_path is written as the scenario's `region`. */
[[nodiscard]] std::string generate_scenario(const GeneratedRegion& region, const std::string& region_path,
                                            std::uint64_t seed);

} // namespace ricochet::scenario
