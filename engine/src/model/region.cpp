#include "ricochet/model/region.hpp"

namespace ricochet::model {
namespace {

template <typename T>
void index_by_id(const std::vector<T>& items, std::unordered_map<std::string, std::size_t>& index)
{
  index.clear();
  index.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i)
    index.emplace(items[i].id, i); // first definition wins; the loader reports duplicates
}

template <typename T>
const T* lookup(const std::vector<T>& items, const std::unordered_map<std::string, std::size_t>& index,
                const std::string& id)
{
  auto it = index.find(id);
  return it == index.end() ? nullptr : &items[it->second];
}

template <typename T> std::vector<std::string> ids_of(const std::vector<T>& items)
{
  std::vector<std::string> out;
  out.reserve(items.size());
  for (const auto& item : items)
    out.push_back(item.id);
  return out;
}

} // namespace

void Region::reindex()
{
  index_by_id(organisations, org_index_);
  index_by_id(zones, zone_index_);
  index_by_id(links, link_index_);
  index_by_id(domains, domain_index_);
  index_by_id(assets, asset_index_);
  index_by_id(care_functions, care_index_);
}

const Organisation* Region::find_organisation(const std::string& id) const
{
  return lookup(organisations, org_index_, id);
}
const Zone* Region::find_zone(const std::string& id) const { return lookup(zones, zone_index_, id); }
const Link* Region::find_link(const std::string& id) const { return lookup(links, link_index_, id); }
const Domain* Region::find_domain(const std::string& id) const { return lookup(domains, domain_index_, id); }
const Asset* Region::find_asset(const std::string& id) const { return lookup(assets, asset_index_, id); }
const CareFunction* Region::find_care_function(const std::string& id) const
{
  return lookup(care_functions, care_index_, id);
}

std::optional<std::size_t> Region::find_trust(const std::string& from, const std::string& to) const
{
  for (std::size_t i = 0; i < trusts.size(); ++i)
    if (trusts[i].from == from && trusts[i].to == to)
      return i;
  return std::nullopt;
}

std::vector<std::string> Region::organisation_ids() const { return ids_of(organisations); }
std::vector<std::string> Region::zone_ids() const { return ids_of(zones); }
std::vector<std::string> Region::link_ids() const { return ids_of(links); }
std::vector<std::string> Region::domain_ids() const { return ids_of(domains); }
std::vector<std::string> Region::asset_ids() const { return ids_of(assets); }

double default_data_bytes(AssetKind kind) noexcept
{
  switch (kind) {
    case AssetKind::DIRECTORY: return 100e9;
    case AssetKind::DPI: return 5e12;
    case AssetKind::LIS: return 1e12;
    case AssetKind::PACS: return 50e12;
    case AssetKind::PHARMACY_SYSTEM: return 200e9;
    case AssetKind::MESSAGING: return 2e12;
    case AssetKind::INTERFACE_ENGINE: return 100e9;
    case AssetKind::APPLICATION: return 500e9;
    case AssetKind::IP_TELEPHONY: return 50e9;
    case AssetKind::ANALOG_TELEPHONY: return 0;
    case AssetKind::REMOTE_ACCESS: return 10e9;
    case AssetKind::INTERNET_GATEWAY: return 10e9;
    case AssetKind::SAAS: return 10e12;
    case AssetKind::TELEEXPERTISE: return 2e12;
    case AssetKind::WORKSTATIONS: return 50e9; // per machine
    case AssetKind::HYPERVISOR:
    case AssetKind::STORAGE:
    case AssetKind::BACKUP:
      return 0; // derived from what they host or protect
  }
  return 0;
}

} // namespace ricochet::model

namespace ricochet::model {

double default_floor(CareKind kind, Continuity continuity) noexcept
{
  // {no PCRA, theoretical, tested}: paper mode as observed in Dax, Villefranche and Pontarlier (domain guide §7).
  auto pick = [continuity](double none, double theoretical, double tested) {
    return continuity == Continuity::TESTED ? tested : continuity == Continuity::THEORETICAL ? theoretical : none;
  };
  switch (kind) {
    case CareKind::EMERGENCY: return pick(0.30, 0.45, 0.60);    // vital emergencies only
    case CareKind::ICU: return pick(0.20, 0.35, 0.50);          // no new admissions
    case CareKind::THEATRE: return pick(0.10, 0.20, 0.30);      // urgent cases only
    case CareKind::MATERNITY: return pick(0.70, 0.80, 0.90);    // close to normal
    case CareKind::NEONATAL: return pick(0.50, 0.60, 0.70);
    case CareKind::INPATIENT: return pick(0.60, 0.75, 0.85);    // patients kept in place
    case CareKind::BIOLOGY: return pick(0.40, 0.55, 0.65);      // analysers run, results 62 % later
    case CareKind::IMAGING: return pick(0.30, 0.45, 0.60);
    case CareKind::PHARMACY: return pick(0.40, 0.55, 0.70);
    case CareKind::CHEMOTHERAPY: return pick(0.20, 0.35, 0.50); // doses checked by hand
    case CareKind::RADIOTHERAPY: return 0.0;                    // stops without planning
    case CareKind::DIALYSIS: return pick(0.50, 0.65, 0.80);
    case CareKind::STERILISATION: return 0.0;                   // computerised traceability blocks it
    case CareKind::CONSULTATIONS: return pick(0.30, 0.50, 0.70);
    case CareKind::ADMISSIONS: return pick(0.40, 0.60, 0.75);   // paper admissions
    case CareKind::REGULATION: return pick(0.60, 0.75, 0.90);
    case CareKind::PRIMARY_CARE: return pick(0.40, 0.50, 0.60); // consultations "à l'aveugle"
    case CareKind::DISPENSING: return pick(0.50, 0.60, 0.70);
    case CareKind::TELEEXPERTISE: return 0.0;                   // no platform, no tele-expertise
    case CareKind::LONG_TERM_CARE: return pick(0.80, 0.85, 0.90);
    case CareKind::OTHER: return pick(0.30, 0.50, 0.70);
  }
  return 0.5;
}

bool default_time_critical(CareKind kind) noexcept
{
  return kind == CareKind::EMERGENCY || kind == CareKind::ICU || kind == CareKind::NEONATAL;
}

double default_stay_s(CareKind kind) noexcept
{
  constexpr double H = 3600.0;
  switch (kind) {
    case CareKind::EMERGENCY: return 4 * H;
    case CareKind::ICU: return 96 * H;
    case CareKind::THEATRE: return 3 * H;
    case CareKind::MATERNITY: return 72 * H;
    case CareKind::NEONATAL: return 168 * H;
    case CareKind::INPATIENT: return 120 * H;
    case CareKind::LONG_TERM_CARE: return 24 * H; // per day of residence counted
    case CareKind::DIALYSIS: return 4 * H;
    case CareKind::CHEMOTHERAPY: return 4 * H;
    default: return 1 * H;
  }
}

} // namespace ricochet::model
