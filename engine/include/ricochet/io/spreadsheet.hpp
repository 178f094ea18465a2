#pragma once
// Spreadsheets for chronogrammes: CSV (as Excel writes it in France: ';', UTF-8 with BOM) and XLSX.
#include <string>

#include "ricochet/io/msel.hpp"

namespace ricochet::io {

/** Parses CSV text: ';' or ',' separated (whichever the header line uses outside quotes), '"' quoting with ""
 *  escapes (a quote opens a quoted cell only as a cell's first character), cells that span lines, an optional
 *  UTF-8 BOM, LF, CRLF or CR; the quote guard_formula adds is removed from every cell.
 *  @throw scenario::ScenarioError for a quote left open ("CSV:LINE:COL: error: unclosed quote opened here..."), a
 *  NUL byte or a limit crossed */
[[nodiscard]] Table parse_csv(const std::string& text);

/** Writes the table as the first sheet of an XLSX workbook, atomically, every cell a text (xlsx_escape); scratch
 *  files go to a hidden directory beside path, removed after. @throw scenario::ScenarioError naming the inject (the
 *  row's first cell) and the column for a text an XLSX cell cannot hold (NUL, more than 32,767 characters);
 *  std::runtime_error on an I/O failure */
void write_xlsx(const std::string& path, const Table& table);

/** Reads the first sheet of an XLSX workbook (text and numbers), its "_xHHHH_" escapes decoded.
 *  @throw scenario::ScenarioError naming the file if it is not a readable workbook, FILE:ROW:COL for a bad cell */
[[nodiscard]] Table read_xlsx(const std::string& path);

enum class TableFormat { CSV, XLSX };

/** The format of a chronogramme file by its extension, in any case (.csv, .CSV, .Xlsx...).
 *  @throw scenario::ScenarioError for another extension, naming the two choices */
[[nodiscard]] TableFormat table_format(const std::string& path);

/** Reads a CSV or XLSX file, by its extension (table_format). @throw scenario::ScenarioError */
[[nodiscard]] Table read_table(const std::string& path);

} // namespace ricochet::io
