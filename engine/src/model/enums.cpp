#include "ricochet/model/enums.hpp"

namespace ricochet::model {

bool is_infrastructure(AssetKind kind) noexcept
{
  switch (kind) {
    case AssetKind::DIRECTORY:
    case AssetKind::HYPERVISOR:
    case AssetKind::STORAGE:
    case AssetKind::BACKUP:
    case AssetKind::REMOTE_ACCESS:
    case AssetKind::INTERNET_GATEWAY:
      return true;
    default:
      return false;
  }
}

bool delivers_care(OrgKind kind) noexcept
{
  switch (kind) {
    case OrgKind::HOSPITAL:
    case OrgKind::LABORATORY:
    case OrgKind::IMAGING_CENTRE:
    case OrgKind::EHPAD:
    case OrgKind::GP_PRACTICE:
    case OrgKind::PHARMACY:
    case OrgKind::SAMU:
      return true;
    default:
      return false;
  }
}

} // namespace ricochet::model

namespace ricochet::core {
using namespace ricochet::model;

#define RICOCHET_ENUM_TABLE(E) const std::vector<std::pair<E, std::string_view>>& EnumNames<E>::table()

RICOCHET_ENUM_TABLE(OrgKind)
{
  static const std::vector<std::pair<OrgKind, std::string_view>> t{
      {OrgKind::HOSPITAL, "hospital"},
      {OrgKind::LABORATORY, "laboratory"},
      {OrgKind::IMAGING_CENTRE, "imaging_centre"},
      {OrgKind::EHPAD, "ehpad"},
      {OrgKind::GP_PRACTICE, "gp_practice"},
      {OrgKind::PHARMACY, "pharmacy"},
      {OrgKind::SAMU, "samu"},
      {OrgKind::ARS, "ars"},
      {OrgKind::REGIONAL_PLATFORM, "regional_platform"},
      {OrgKind::SOFTWARE_VENDOR, "software_vendor"},
      {OrgKind::OTHER, "other"}};
  return t;
}

RICOCHET_ENUM_TABLE(OrgRole)
{
  static const std::vector<std::pair<OrgRole, std::string_view>> t{{OrgRole::NONE, "none"},
                                                                    {OrgRole::GHT_PIVOT, "ght_pivot"},
                                                                    {OrgRole::GHT_MEMBER, "ght_member"},
                                                                    {OrgRole::UNIVERSITY_HOSPITAL, "university_hospital"},
                                                                    {OrgRole::CYBER_SUPPORT, "cyber_support"}};
  return t;
}

RICOCHET_ENUM_TABLE(Continuity)
{
  static const std::vector<std::pair<Continuity, std::string_view>> t{
      {Continuity::NONE, "none"}, {Continuity::THEORETICAL, "theoretical"}, {Continuity::TESTED, "tested"}};
  return t;
}

RICOCHET_ENUM_TABLE(Flow)
{
  static const std::vector<std::pair<Flow, std::string_view>> t{
      {Flow::HTTPS, "https"}, {Flow::HTTP, "http"},     {Flow::RDP, "rdp"},       {Flow::SMB, "smb"},
      {Flow::SSH, "ssh"},     {Flow::LDAP, "ldap"},     {Flow::KERBEROS, "kerberos"}, {Flow::SQL, "sql"},
      {Flow::HL7, "hl7"},     {Flow::DICOM, "dicom"},   {Flow::SIP, "sip"},       {Flow::SMTP, "smtp"},
      {Flow::VPN, "vpn"},     {Flow::BACKUP, "backup"}, {Flow::ANY, "any"}};
  return t;
}

RICOCHET_ENUM_TABLE(AssetKind)
{
  static const std::vector<std::pair<AssetKind, std::string_view>> t{
      {AssetKind::DIRECTORY, "directory"},
      {AssetKind::HYPERVISOR, "hypervisor"},
      {AssetKind::STORAGE, "storage"},
      {AssetKind::BACKUP, "backup"},
      {AssetKind::DPI, "dpi"},
      {AssetKind::LIS, "lis"},
      {AssetKind::PACS, "pacs"},
      {AssetKind::PHARMACY_SYSTEM, "pharmacy_system"},
      {AssetKind::MESSAGING, "messaging"},
      {AssetKind::INTERFACE_ENGINE, "interface_engine"},
      {AssetKind::APPLICATION, "application"},
      {AssetKind::IP_TELEPHONY, "ip_telephony"},
      {AssetKind::ANALOG_TELEPHONY, "analog_telephony"},
      {AssetKind::REMOTE_ACCESS, "remote_access"},
      {AssetKind::INTERNET_GATEWAY, "internet_gateway"},
      {AssetKind::SAAS, "saas"},
      {AssetKind::TELEEXPERTISE, "teleexpertise"},
      {AssetKind::WORKSTATIONS, "workstations"}};
  return t;
}

RICOCHET_ENUM_TABLE(BackupMode)
{
  static const std::vector<std::pair<BackupMode, std::string_view>> t{
      {BackupMode::ONLINE, "online"}, {BackupMode::OFFLINE, "offline"}, {BackupMode::IMMUTABLE, "immutable"}};
  return t;
}

RICOCHET_ENUM_TABLE(Control)
{
  static const std::vector<std::pair<Control, std::string_view>> t{
      {Control::EDR, "edr"}, {Control::SOC, "soc"}, {Control::MFA, "mfa"}};
  return t;
}

RICOCHET_ENUM_TABLE(CareKind)
{
  static const std::vector<std::pair<CareKind, std::string_view>> t{
      {CareKind::EMERGENCY, "emergency"},       {CareKind::ICU, "icu"},
      {CareKind::THEATRE, "theatre"},           {CareKind::MATERNITY, "maternity"},
      {CareKind::NEONATAL, "neonatal"},         {CareKind::INPATIENT, "inpatient"},
      {CareKind::BIOLOGY, "biology"},           {CareKind::IMAGING, "imaging"},
      {CareKind::PHARMACY, "pharmacy"},         {CareKind::CHEMOTHERAPY, "chemotherapy"},
      {CareKind::RADIOTHERAPY, "radiotherapy"}, {CareKind::DIALYSIS, "dialysis"},
      {CareKind::STERILISATION, "sterilisation"}, {CareKind::CONSULTATIONS, "consultations"},
      {CareKind::ADMISSIONS, "admissions"},     {CareKind::REGULATION, "regulation"},
      {CareKind::PRIMARY_CARE, "primary_care"}, {CareKind::DISPENSING, "dispensing"},
      {CareKind::TELEEXPERTISE, "teleexpertise"}, {CareKind::LONG_TERM_CARE, "long_term_care"},
      {CareKind::OTHER, "other"}};
  return t;
}

} // namespace ricochet::core
