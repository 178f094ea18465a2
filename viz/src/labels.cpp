#include "labels.hpp"

#include <map>
#include <utility>

namespace ricochet::viz {

std::string label(Lang lang, const std::string& key)
{
  static const std::map<std::string, std::pair<const char*, const char*>> table{
      {"look.encrypted", {"chiffré", "encrypted"}},
      {"look.restoring", {"en restauration", "restoring"}},
      {"look.compromised", {"compromis", "compromised"}},
      {"look.degraded", {"dégradé", "degraded"}},
      {"look.shut_down", {"arrêté", "shut down"}},
      {"look.isolated", {"isolé", "isolated"}},
      {"look.restored", {"restauré", "restored"}},
      {"look.nominal", {"nominal", "nominal"}},
      {"panel.figures", {"Chiffres clés", "Key figures"}},
      {"panel.ladders", {"Niveaux de crise", "Crisis ladders"}},
      {"panel.care", {"Capacité de soins", "Care capacity"}},
      {"panel.feed", {"Événements et injects", "Events and injects"}},
      {"fig.compromised", {"actifs compromis", "assets compromised"}},
      {"fig.encrypted", {"actifs chiffrés", "assets encrypted"}},
      {"fig.orgs", {"organisations touchées", "organisations impacted"}},
      {"fig.care_down", {"fonctions de soins à l'arrêt", "care functions down"}},
      {"fig.trainer", {"décisions de l'animateur", "trainer decisions"}},
      {"craps", {"CRAPS ACTIVÉE", "CRAPS ACTIVATED"}},
      {"paused", {"PAUSE", "PAUSED"}},
      {"speed", {"vitesse", "speed"}},
      {"help", {"? aide", "? help"}},
      {"why.none", {"rien ne lui est arrivé jusqu'ici", "nothing has happened to it so far"}},
      {"no_ladder", {"aucun niveau déclenché", "no level raised"}},
      {"help.text",
       {"Espace  lecture / pause\n+ / -   vitesse (1x, 10x, 60x, 600x, 3600x, 14400x)\nN       événement suivant\n"
        "Gauche / Droite   reculer / avancer d'1 h\nOrigine / Fin   début / fin\nClic    sélectionner une "
        "organisation\nI / R   isoler / reconnecter la sélection (direct)\nC       activer la CRAPS (direct)\n"
        "S       enregistrer la branche\n:       commande (jump 2026-10-18 05:00, decide fire inject ID...)\n"
        "Molette / glisser   zoom / déplacement\n?       fermer l'aide",
        "Space   play / pause\n+ / -   speed (1x, 10x, 60x, 600x, 3600x, 14400x)\nN       next event\nLeft / Right   back / "
        "forward 1 h\nHome / End   start / end\nClick   select an organisation\nI / R   isolate / reconnect the "
        "selection (live)\nC       activate the CRAPS (live)\nS       save the branch\n:       command (jump 2026-10-18 05:00, "
        "decide fire inject ID...)\nWheel / drag   zoom / pan\n"
        "?       close help"}},
  };
  auto it = table.find(key);
  if (it == table.end())
    return key;
  return lang == Lang::FR ? it->second.first : it->second.second;
}

} // namespace ricochet::viz
