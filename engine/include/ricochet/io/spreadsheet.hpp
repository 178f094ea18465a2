#pragma once
// Spreadsheets for chronogrammes: CSV (as Excel writes it in France: ';', UTF-8 with BOM) and XLSX.
#include <string>

#include "ricochet/io/msel.hpp"

namespace ricochet::io {

/** Parses CSV text: ';' or ',' separated (whichever the header line uses), '"' quoting with "" escapes, cells that
 *  span lines, an optional UTF-8 BOM, LF or CRLF. */
[[nodiscard]] Table parse_csv(const std::string& text);

/** Writes the table as the first sheet of an XLSX workbook, atomically. @throw std::runtime_error on failure */
void write_xlsx(const std::string& path, const Table& table);

/** Reads the first sheet of an XLSX workbook (text and numbers).
 *  @throw scenario::ScenarioError naming the file if it is not a readable workbook */
[[nodiscard]] Table read_xlsx(const std::string& path);

/** Reads a CSV or XLSX file, by its extension. @throw scenario::ScenarioError */
[[nodiscard]] Table read_table(const std::string& path);

} // namespace ricochet::io
