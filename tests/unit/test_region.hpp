#pragma once
// A small region shared by the model and io tests, loaded through the real loader.
#include <stdexcept>
#include <string>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/scenario/loader.hpp"

namespace ricochet::test {

/** Pivot hospital hosting a partner's DPI on its hypervisor; a lab; a soft dependency with a buffer. */
inline const char* const PIVOT_REGION = R"(
name: test region
organisations:
  - id: pivot
    kind: hospital
    role: ght_pivot
    ght: g
    domain: ad-ght
    zones: [servers, users]
    assets:
      - {id: ad, kind: directory, zone: servers}
      - {id: storage, kind: storage, zone: servers, data: 100TB}
      - {id: hv, kind: hypervisor, zone: servers, runs_on: storage}
      - {id: dpi, kind: dpi, runs_on: hv, depends_on: [ad], data: 4TB}
      - {id: mail, kind: messaging, runs_on: hv, depends_on: [{asset: dpi, type: soft, buffer: 2h}]}
      - {id: bkp, kind: backup, zone: users, mode: online, protects: [dpi, partner-dpi]}
    care_functions:
      - {kind: emergency, needs: [dpi, lis]}
  - id: partner
    kind: hospital
    role: ght_member
    ght: g
    domain: ad-ght
    assets:
      - {id: partner-dpi, kind: dpi, runs_on: hv, depends_on: [ad], data: 1TB}
    care_functions:
      - {kind: inpatient, needs: [partner-dpi, mail]}
  - id: lab
    kind: laboratory
    assets:
      - {id: lis, kind: lis}
    care_functions:
      - {kind: biology, needs: [lis]}
links:
  - {id: wan, from: partner, to: pivot/servers, flows: [https, rdp]}
  - {id: lan, from: pivot/users, to: pivot/servers, flows: [smb]}
identity:
  domains:
    - {id: ad-ght, owner: pivot}
    - {id: ad-lab, owner: lab}
  trusts:
    - {from: ad-ght, to: ad-lab, mfa: false}
)";

/** Loads YAML region text. @throw std::runtime_error with the diagnostics if it is invalid */
inline model::Region load_region_or_fail(const std::string& text, const std::string& name = "test.yaml")
{
  core::Diagnostics diags;
  auto region = scenario::load_region_text(text, name, diags);
  if (!region)
    throw std::runtime_error("test region invalid");
  return *region;
}

} // namespace ricochet::test
