#include "ricochet/scenario/defence.hpp"

#include <algorithm>

namespace ricochet::scenario {

std::vector<std::string> select_targets(const model::Region& region, const TargetSelector& s)
{
  std::vector<std::string> out;
  bool domain_only = !s.domain.empty() && s.assets.empty() && s.org.empty() && s.zone.empty() && !s.kind;
  if (s.empty() || domain_only)
    return out;
  for (const auto& a : region.assets) {
    bool listed = s.assets.empty() || std::find(s.assets.begin(), s.assets.end(), a.id) != s.assets.end();
    if (listed && (s.org.empty() || a.org == s.org) && (s.zone.empty() || a.zone == s.zone) &&
        (s.domain.empty() || a.domain == s.domain) && (!s.kind || *s.kind == a.kind))
      out.push_back(a.id);
  }
  return out;
}

double default_rebuild_s(model::AssetKind kind)
{
  using model::AssetKind;
  constexpr double DAY = 86400.0;
  switch (kind) {
    case AssetKind::DIRECTORY: return 3 * DAY;
    case AssetKind::HYPERVISOR: return 1 * DAY;
    case AssetKind::STORAGE: return 2 * DAY;
    case AssetKind::BACKUP: return 1 * DAY;
    case AssetKind::DPI: return 14 * DAY;
    case AssetKind::LIS: return 7 * DAY;
    case AssetKind::PACS: return 10 * DAY;
    case AssetKind::PHARMACY_SYSTEM: return 7 * DAY;
    case AssetKind::MESSAGING: return 5 * DAY;
    case AssetKind::INTERFACE_ENGINE: return 5 * DAY;
    case AssetKind::APPLICATION: return 7 * DAY;
    case AssetKind::IP_TELEPHONY: return 3 * DAY;
    case AssetKind::ANALOG_TELEPHONY: return 1 * DAY;
    case AssetKind::REMOTE_ACCESS: return 2 * DAY;
    case AssetKind::INTERNET_GATEWAY: return 1 * DAY;
    case AssetKind::SAAS: return 10 * DAY;
    case AssetKind::TELEEXPERTISE: return 7 * DAY;
    case AssetKind::WORKSTATIONS: return 5 * DAY;
  }
  return 7 * DAY;
}

double Recovery::rebuild_time(model::AssetKind kind) const
{
  auto it = rebuild_s.find(kind);
  return it != rebuild_s.end() ? it->second : default_rebuild_s(kind);
}

int Recovery::technicians_of(const std::string& org) const
{
  auto it = technicians.find(org);
  return it != technicians.end() ? it->second : default_technicians;
}

} // namespace ricochet::scenario

namespace ricochet::core {
using ricochet::scenario::AttackAction;
using ricochet::scenario::EntryVector;
using ricochet::scenario::Trigger;

const std::vector<std::pair<AttackAction, std::string_view>>& EnumNames<AttackAction>::table()
{
  static const std::vector<std::pair<AttackAction, std::string_view>> t{
      {AttackAction::INITIAL_ACCESS, "initial_access"},     {AttackAction::LATERAL_MOVEMENT, "lateral_movement"},
      {AttackAction::STEAL_CREDENTIALS, "steal_credentials"}, {AttackAction::DOMAIN_ADMIN, "domain_admin"},
      {AttackAction::DESTROY_BACKUPS, "destroy_backups"},   {AttackAction::ENCRYPT, "encrypt"},
      {AttackAction::EXFILTRATE, "exfiltrate"}};
  return t;
}

const std::vector<std::pair<EntryVector, std::string_view>>& EnumNames<EntryVector>::table()
{
  static const std::vector<std::pair<EntryVector, std::string_view>> t{
      {EntryVector::PHISHING, "phishing"},
      {EntryVector::EXPOSED_SERVICE, "exposed_service"},
      {EntryVector::SAAS_SUPPLY_CHAIN, "saas_supply_chain"},
      {EntryVector::TRUSTED_PARTNER, "trusted_partner"}};
  return t;
}

const std::vector<std::pair<Trigger, std::string_view>>& EnumNames<Trigger>::table()
{
  static const std::vector<std::pair<Trigger, std::string_view>> t{
      {Trigger::DETECTED, "detected"}, {Trigger::ASSET_ENCRYPTED, "asset_encrypted"}, {Trigger::IMPACTED, "impacted"}};
  return t;
}

} // namespace ricochet::core

#include "ricochet/scenario/governance.hpp"

namespace ricochet::scenario {

const std::vector<std::string>& ladder_levels(Ladder ladder)
{
  static const std::vector<std::string> establishment{"normal", "mobilisation", "plan_blanc"};
  static const std::vector<std::string> ght{"normal", "mobilisation", "crisis"};
  static const std::vector<std::string> ars{"normal", "n1", "n2", "n3"};
  switch (ladder) {
    case Ladder::ESTABLISHMENT: return establishment;
    case Ladder::GHT: return ght;
    case Ladder::ARS:
    case Ladder::NATIONAL: return ars;
  }
  return ars;
}

} // namespace ricochet::scenario

namespace ricochet::core {
const std::vector<std::pair<ricochet::scenario::Ladder, std::string_view>>&
EnumNames<ricochet::scenario::Ladder>::table()
{
  using ricochet::scenario::Ladder;
  static const std::vector<std::pair<Ladder, std::string_view>> t{{Ladder::ESTABLISHMENT, "establishment"},
                                                                  {Ladder::GHT, "ght"},
                                                                  {Ladder::ARS, "ars"},
                                                                  {Ladder::NATIONAL, "national"}};
  return t;
}
} // namespace ricochet::core

#include "ricochet/scenario/injects.hpp"

namespace ricochet::core {
const std::vector<std::pair<ricochet::scenario::Channel, std::string_view>>&
EnumNames<ricochet::scenario::Channel>::table()
{
  using ricochet::scenario::Channel;
  static const std::vector<std::pair<Channel, std::string_view>> t{
      {Channel::MAIL, "mail"},       {Channel::PHONE, "phone"}, {Channel::SMS, "sms"},     {Channel::MSSANTE, "mssante"},
      {Channel::PRESS, "press"},     {Channel::SOCIAL, "social"}, {Channel::FIELD, "field"}};
  return t;
}
} // namespace ricochet::core
