#pragma once
// The chronogramme (MSEL) of a run: every inject, sorted by time, as a spreadsheet-friendly CSV.
#include <string>
#include <vector>

#include "ricochet/core/local_time.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** UTF-8 with BOM, ';' separators, CRLF lines; columns (fr): id;horaire;T+;phase;canal;émetteur;destinataire;
 *  stimulus;réaction attendue;livrable;commentaire animateur;déclenchement;cause. lang: "fr" or "en". */
[[nodiscard]] std::string msel_csv(const std::vector<sim::Event>& events, const core::LocalClock& clock,
                                   const std::string& lang);

} // namespace ricochet::io
