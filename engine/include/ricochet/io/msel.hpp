#pragma once
// The chronogramme (MSEL) of a run: every inject, sorted by time, as a spreadsheet-friendly CSV.
#include <string>
#include <vector>

#include "ricochet/core/local_time.hpp"
#include "ricochet/sim/event.hpp"

namespace ricochet::io {

/** A spreadsheet: rows of cells, the header first. */
using Table = std::vector<std::vector<std::string>>;

/** The chronogramme as a table: columns (fr) id, horaire, T+, phase, canal, émetteur, destinataire, stimulus,
 *  réaction attendue, livrable, commentaire animateur, déclenchement, cause. lang: "fr" or "en". */
[[nodiscard]] Table msel_table(const std::vector<sim::Event>& events, const core::LocalClock& clock,
                               const std::string& lang);

/** UTF-8 with BOM, ';' separators, CRLF lines, cells guarded against formulas (guard_formula) and quoted when
 *  needed. */
[[nodiscard]] std::string table_csv(const Table& table);

/** Writes the table to path as its extension says, in any case (io::table_format): table_csv, atomically, or
 *  write_xlsx. @throw scenario::ScenarioError for another extension, a NUL character or a text an XLSX cell
 *  cannot hold */
void write_table(const std::string& path, const Table& table);

/** msel_table written as table_csv. */
[[nodiscard]] std::string msel_csv(const std::vector<sim::Event>& events, const core::LocalClock& clock,
                                   const std::string& lang);

} // namespace ricochet::io
