// The report's words, in French and English: every key has both.
#include <map>
#include <stdexcept>
#include <utility>

#include "ricochet/io/report.hpp"

namespace ricochet::io {

namespace {
const std::map<std::string, std::pair<std::string, std::string>>& table()
{
  static const std::map<std::string, std::pair<std::string, std::string>> t{
      {"title", {"Rapport d'exercice", "Exercise report"}},
      {"glance", {"Le scénario en bref", "The scenario at a glance"}},
      {"scenario", {"Scénario", "Scenario"}},
      {"region", {"Territoire", "Region"}},
      {"variant", {"Variante", "Variant"}},
      {"base", {"référence", "base"}},
      {"seed", {"Graine", "Seed"}},
      {"start", {"Début", "Start"}},
      {"duration", {"Durée", "Duration"}},
      {"key_figures", {"Chiffres clés", "Key figures"}},
      {"first_compromise", {"Première compromission", "First compromise"}},
      {"first_detection", {"Première détection", "First detection"}},
      {"domain_admin", {"Administrateur de domaine", "Domain admin"}},
      {"first_encryption", {"Premier chiffrement", "First encryption"}},
      {"plan_blanc", {"Premier plan blanc", "First plan blanc"}},
      {"craps_activation", {"Activation de la CRAPS", "CRAPS activation"}},
      {"orgs_impacted", {"Organisations touchées", "Organisations impacted"}},
      {"max_simultaneous", {"Au plus fort, simultanément", "At most at once"}},
      {"patients_diverted", {"Patients réorientés", "Patients diverted"}},
      {"patient_hours_degraded", {"Patients-heures en mode dégradé", "Patient-hours of degraded care"}},
      {"backlog_patient_hours", {"Patients-heures en attente", "Patient-hours waiting"}},
      {"rto", {"DMIA (RTO) tenues / dépassées", "RTO met / missed"}},
      {"never", {"jamais", "never"}},
      {"timeline", {"Chronologie des organisations et des actifs", "Timeline of organisations and assets"}},
      {"legend_down", {"indisponible", "down"}},
      {"legend_degraded", {"dégradé", "degraded"}},
      {"legend_recovering", {"en restauration", "recovering"}},
      {"legend_impacted", {"organisation touchée", "organisation impacted"}},
      {"care", {"Capacité de soins (part du nominal)", "Care capacity (share of nominal)"}},
      {"no_care", {"Aucune fonction de soins n'a perdu de capacité.", "No care function lost capacity."}},
      {"ladders", {"Niveaux de crise", "Crisis levels"}},
      {"no_ladder", {"Aucun niveau de crise n'a été déclenché.", "No crisis level was triggered."}},
      {"attack_path", {"Le chemin d'attaque", "The attack path"}},
      {"time", {"Heure", "Time"}},
      {"step", {"Étape", "Step"}},
      {"technique", {"Technique", "Technique"}},
      {"action", {"Action", "Action"}},
      {"outcome", {"Résultat", "Outcome"}},
      {"targets", {"Cibles", "Targets"}},
      {"map", {"Le territoire au plus fort de la crise", "The region at the worst moment"}},
      {"why", {"Pourquoi : les causes des principaux impacts", "Why: the causes of the main impacts"}},
      {"impacted_at", {"touchée le", "impacted on"}},
      {"outside_map", {"Hors de la carte (trop loin) :", "Off the map (too far):"}},
      {"injects", {"Les stimuli joués", "Injects played"}},
      {"channel", {"Canal", "Channel"}},
      {"recipient", {"Destinataire", "Recipient"}},
      {"stimulus", {"Stimulus", "Stimulus"}},
      {"no_inject", {"Aucun stimulus.", "No inject."}},
      {"after_action", {"Retour d'expérience : objectifs et résultats", "After action: targets and results"}},
      {"asset", {"Actif", "Asset"}},
      {"target_rto", {"DMIA visée", "Target RTO"}},
      {"downtime", {"Indisponibilité", "Downtime"}},
      {"met", {"tenue", "met"}},
      {"missed", {"dépassée", "missed"}},
      {"pending", {"en cours", "pending"}},
      {"none", {"—", "—"}},
      {"delays", {"Délais de réaction", "Reaction delays"}},
      {"detection_to_cell", {"Détection → cellule de crise", "Detection → crisis cell"}},
      {"detection_to_craps", {"Détection → CRAPS", "Detection → CRAPS"}},
      {"comparison", {"Comparaison avec la variante", "Comparison with the variant"}},
      {"what_if", {"Et si… : les variantes sur de nombreux tirages", "What if: the variants over many runs"}},
      {"significant", {"Significatif", "Significant"}},
      {"yes", {"oui", "yes"}},
      {"no", {"non", "no"}},
      {"figure", {"Indicateur", "Figure"}},
      {"this_run", {"Ce jeu", "This run"}},
      {"other_run", {"Variante comparée", "Compared variant"}},
      {"difference", {"Écart", "Difference"}},
      {"baseline_mean", {"Référence (moyenne)", "Baseline (mean)"}},
      {"variant_mean", {"Variante (moyenne)", "Variant (mean)"}},
      {"generated_by", {"Rapport produit par ricochet à partir du journal de simulation.",
                        "Report produced by ricochet from the simulation journal."}},
  };
  return t;
}
} // namespace

const std::string& label(const std::string& key, const std::string& lang)
{
  const auto& entry = table().at(key);
  return lang == "en" ? entry.second : entry.first;
}

std::vector<std::string> label_keys()
{
  std::vector<std::string> keys;
  for (const auto& kv : table())
    keys.push_back(kv.first);
  return keys;
}

} // namespace ricochet::io
