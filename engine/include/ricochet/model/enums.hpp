#pragma once
// The closed vocabularies of the region model. Their spellings (enum_names.cpp) are the scenario format.
#include <cstdint>

#include "ricochet/core/enum_names.hpp"

namespace ricochet::model {

enum class OrgKind {
  HOSPITAL,
  LABORATORY,
  IMAGING_CENTRE,
  EHPAD,
  GP_PRACTICE,
  PHARMACY,
  SAMU,
  ARS,
  REGIONAL_PLATFORM,
  SOFTWARE_VENDOR,
  OTHER
};

enum class OrgRole { NONE, GHT_PIVOT, GHT_MEMBER, UNIVERSITY_HOSPITAL, CYBER_SUPPORT };

/** Maturity of the organisation's continuity plan (PCRA): decides how well care runs on paper. */
enum class Continuity { NONE, THEORETICAL, TESTED };

enum class Flow { HTTPS, HTTP, RDP, SMB, SSH, LDAP, KERBEROS, SQL, HL7, DICOM, SIP, SMTP, VPN, BACKUP, ANY };

enum class AssetKind {
  DIRECTORY,
  HYPERVISOR,
  STORAGE,
  BACKUP,
  DPI,
  LIS,
  PACS,
  PHARMACY_SYSTEM,
  MESSAGING,
  INTERFACE_ENGINE,
  APPLICATION,
  IP_TELEPHONY,
  ANALOG_TELEPHONY,
  REMOTE_ACCESS,
  INTERNET_GATEWAY,
  SAAS,
  TELEEXPERTISE,
  WORKSTATIONS
};

enum class BackupMode { ONLINE, OFFLINE, IMMUTABLE };

enum class Control { EDR, SOC, MFA };

enum class CareKind {
  EMERGENCY,
  ICU,
  THEATRE,
  MATERNITY,
  NEONATAL,
  INPATIENT,
  BIOLOGY,
  IMAGING,
  PHARMACY,
  CHEMOTHERAPY,
  RADIOTHERAPY,
  DIALYSIS,
  STERILISATION,
  CONSULTATIONS,
  ADMISSIONS,
  REGULATION,
  PRIMARY_CARE,
  DISPENSING,
  TELEEXPERTISE,
  LONG_TERM_CARE,
  OTHER
};

/** A set of flows or controls, one bit per enum value. */
template <typename E> class EnumSet {
public:
  constexpr EnumSet() = default;
  static constexpr EnumSet from_bits(std::uint32_t bits) noexcept
  {
    EnumSet s;
    s.bits_ = bits;
    return s;
  }
  constexpr void add(E e) noexcept { bits_ |= bit(e); }
  constexpr void remove(E e) noexcept { bits_ &= ~bit(e); }
  [[nodiscard]] constexpr bool contains(E e) const noexcept { return (bits_ & bit(e)) != 0; }
  [[nodiscard]] constexpr bool empty() const noexcept { return bits_ == 0; }
  [[nodiscard]] constexpr std::uint32_t bits() const noexcept { return bits_; }
  constexpr bool operator==(const EnumSet& o) const noexcept { return bits_ == o.bits_; }

private:
  static constexpr std::uint32_t bit(E e) noexcept { return std::uint32_t{1} << static_cast<unsigned>(e); }
  std::uint32_t bits_ = 0;
};

using FlowSet    = EnumSet<Flow>;
using ControlSet = EnumSet<Control>;

/** Directory, hypervisors, storage, backups and network edges: the "clean core" rebuilt first. */
[[nodiscard]] bool is_infrastructure(AssetKind kind) noexcept;

/** Organisations that deliver care and so are expected to declare care functions. */
[[nodiscard]] bool delivers_care(OrgKind kind) noexcept;

} // namespace ricochet::model

namespace ricochet::core {
#define RICOCHET_DECLARE_ENUM_NAMES(E)                                                                                 \
  template <> struct EnumNames<E> {                                                                                    \
    static const std::vector<std::pair<E, std::string_view>>& table();                                                 \
  };
RICOCHET_DECLARE_ENUM_NAMES(ricochet::model::OrgKind)
RICOCHET_DECLARE_ENUM_NAMES(ricochet::model::OrgRole)
RICOCHET_DECLARE_ENUM_NAMES(ricochet::model::Continuity)
RICOCHET_DECLARE_ENUM_NAMES(ricochet::model::Flow)
RICOCHET_DECLARE_ENUM_NAMES(ricochet::model::AssetKind)
RICOCHET_DECLARE_ENUM_NAMES(ricochet::model::BackupMode)
RICOCHET_DECLARE_ENUM_NAMES(ricochet::model::Control)
RICOCHET_DECLARE_ENUM_NAMES(ricochet::model::CareKind)
#undef RICOCHET_DECLARE_ENUM_NAMES
} // namespace ricochet::core
