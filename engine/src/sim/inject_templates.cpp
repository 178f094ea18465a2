#include "inject_templates.hpp"

#include <fmt/format.h>

namespace ricochet::sim {

namespace {

std::string org_name(const model::Region& region, const std::string& id)
{
  const model::Organisation* o = region.find_organisation(id);
  return o != nullptr ? o->name : id;
}

std::string asset_name(const model::Region& region, const std::string& id)
{
  const model::Asset* a = region.find_asset(id);
  return a != nullptr ? a->name : id;
}

/** The function's name for players, in each language. */
scenario::Text function_name(model::CareKind kind)
{
  using K = model::CareKind;
  switch (kind) {
    case K::EMERGENCY: return {"les urgences", "the emergency department"};
    case K::ICU: return {"la réanimation", "intensive care"};
    case K::THEATRE: return {"le bloc opératoire", "the operating theatre"};
    case K::MATERNITY: return {"la maternité", "the maternity unit"};
    case K::NEONATAL: return {"la néonatalogie", "neonatal care"};
    case K::INPATIENT: return {"l'hospitalisation", "inpatient care"};
    case K::BIOLOGY: return {"la biologie", "the laboratory"};
    case K::IMAGING: return {"l'imagerie", "imaging"};
    case K::PHARMACY: return {"la pharmacie", "the pharmacy"};
    case K::CHEMOTHERAPY: return {"la chimiothérapie", "chemotherapy"};
    case K::RADIOTHERAPY: return {"la radiothérapie", "radiotherapy"};
    case K::DIALYSIS: return {"la dialyse", "dialysis"};
    case K::STERILISATION: return {"la stérilisation", "sterilisation"};
    case K::CONSULTATIONS: return {"les consultations", "outpatient consultations"};
    case K::ADMISSIONS: return {"les admissions", "admissions"};
    case K::REGULATION: return {"la régulation", "call regulation"};
    case K::PRIMARY_CARE: return {"les consultations de ville", "primary care"};
    case K::DISPENSING: return {"la dispensation", "dispensing"};
    case K::TELEEXPERTISE: return {"la télé-expertise", "tele-expertise"};
    case K::LONG_TERM_CARE: return {"l'accompagnement des résidents", "residents' care"};
    case K::OTHER: return {"l'activité", "the activity"};
  }
  return {"l'activité", "the activity"};
}

std::string hhmm(const core::LocalClock& clock, double t)
{
  core::LocalTime lt = clock.at(t);
  return fmt::format("{:02}:{:02}", lt.hour, lt.minute);
}

/** The asset a care reason ("needs X (down)") names. */
std::string asset_in_reason(const std::string& reason)
{
  auto space = reason.find(' ');
  auto paren = reason.find(" (");
  if (space == std::string::npos || paren == std::string::npos || paren <= space)
    return "";
  return reason.substr(space + 1, paren - space - 1);
}

} // namespace

std::optional<GeneratedInject> generate_inject(const Event& e, const model::Region& region,
                                               const core::LocalClock& clock)
{
  using scenario::Channel;
  const std::string at = hhmm(clock, e.time);
  if (e.kind == "asset.encrypted" && e.details.value("primary", false)) {
    const model::Asset* a = region.find_asset(e.subject);
    std::string org       = a != nullptr ? org_name(region, a->org) : "";
    return GeneratedInject{Channel::PHONE, "ES-DSI",
                           {fmt::format("Les serveurs « {} » de {} sont chiffrés depuis {} : tout ce qui en dépend est "
                                        "à l'arrêt.",
                                        asset_name(region, e.subject), org, at),
                            fmt::format("The \"{}\" servers of {} have been encrypted since {}: everything that "
                                        "depends on them has stopped.",
                                        asset_name(region, e.subject), org, at)}};
  }
  if (e.kind == "detection") {
    const model::Asset* a = region.find_asset(e.subject);
    std::string org       = a != nullptr ? org_name(region, a->org) : "";
    return GeneratedInject{Channel::MAIL, "ES-DSI",
                           {fmt::format("Alerte ({}) : activité anormale sur « {} » ({}) à {}.",
                                        e.details.value("control", ""), asset_name(region, e.subject), org, at),
                            fmt::format("Alert ({}): abnormal activity on \"{}\" ({}) at {}.",
                                        e.details.value("control", ""), asset_name(region, e.subject), org, at)}};
  }
  if (e.kind == "care.state" && e.state != "up") {
    const model::CareFunction* cf = region.find_care_function(e.subject);
    if (cf == nullptr)
      return std::nullopt;
    std::string org         = org_name(region, cf->org);
    scenario::Text function = function_name(cf->kind);
    const model::Asset* src = region.find_asset(asset_in_reason(e.details.value("reason", "")));
    if (src != nullptr && src->org != cf->org) { // the cascade across organisations
      std::string owner = org_name(region, src->org);
      return GeneratedInject{Channel::PHONE, "ES-direction",
                             {fmt::format("{} ne peut plus fournir « {} » à {} ({}) depuis {}.", owner,
                                          asset_name(region, src->id), org, function.fr, at),
                              fmt::format("{} can no longer provide \"{}\" to {} ({}) since {}.", owner,
                                          asset_name(region, src->id), org, function.en, at)}};
    }
    bool down = e.state == "down";
    return GeneratedInject{Channel::PHONE, "ES-direction",
                           {fmt::format("{} : {} passe en {} depuis {}.", org, function.fr,
                                        down ? "mode dégradé papier" : "fonctionnement ralenti", at),
                            fmt::format("{}: {} has been running {} since {}.", org, function.en,
                                        down ? "on paper (degraded mode)" : "slowed down", at)}};
  }
  if (e.kind == "patients.diverted") {
    std::string from = org_name(region, e.details.value("from_org", ""));
    std::string to   = org_name(region, e.details.value("to_org", ""));
    return GeneratedInject{Channel::PHONE, "SAMU",
                           {fmt::format("Le SAMU oriente vers {} des patients de {} depuis {}.", to, from, at),
                            fmt::format("The SAMU has been sending patients of {} to {} since {}.", from, to, at)}};
  }
  if (e.kind == "org.load" && e.state == "overloaded") {
    std::string org = org_name(region, e.subject);
    return GeneratedInject{Channel::PHONE, "ARS-CRAPS",
                           {fmt::format("{} est saturé par les patients réorientés depuis {}.", org, at),
                            fmt::format("{} has been saturated by diverted patients since {}.", org, at)}};
  }
  if (e.kind == "ladder.level") {
    std::string ladder = e.details.value("ladder", "");
    std::string scope  = e.details.value("scope", "");
    std::string who    = ladder == "establishment" ? org_name(region, scope) : ladder == "ght" ? "GHT " + scope
                                                                              : ladder == "ars" ? "ARS" : "DGS";
    return GeneratedInject{Channel::PHONE, ladder == "establishment" ? "ARS-CRAPS" : "préfecture-COD",
                           {fmt::format("{} passe au niveau « {} » à {}.", who, e.state, at),
                            fmt::format("{} moves to level \"{}\" at {}.", who, e.state, at)}};
  }
  if (e.kind == "craps.activated")
    return GeneratedInject{Channel::PHONE, "préfecture-COD",
                           {fmt::format("L'ARS active sa cellule régionale d'appui et de pilotage (CRAPS) à {}.", at),
                            fmt::format("The ARS activates its regional crisis cell (CRAPS) at {}.", at)}};
  return std::nullopt;
}

} // namespace ricochet::sim
