#pragma once
// How the text of a chronogramme cell is written into a spreadsheet and read back, losslessly:
// - CSV injection (OWASP): a cell that starts with '=', '+', '-', '@', TAB or CR is a formula to Excel and
//   LibreOffice. The CSV writer prefixes such a cell with a single quote ('), and with one more quote a text that
//   starts with a quote followed by one of those characters or by another quote, so that the reader can remove
//   exactly the quotes it added: "=1+1" <-> "'=1+1", "'=x" <-> "''=x", "'abc" <-> "'abc".
// - XLSX text (ECMA-376 ST_Xstring): XML 1.0 cannot hold most control characters, and turns CR into LF; OOXML
//   writes a UTF-16 code unit as "_xHHHH_", and the '_' of a literal "_xHHHH_" as "_x005F_".
#include <optional>
#include <string>

namespace ricochet::io {

/** Whether text is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF). */
[[nodiscard]] bool is_utf8(const std::string& text);

/** text as a CSV cell must hold it: quoted as described above when a spreadsheet would take it for a formula. */
[[nodiscard]] std::string guard_formula(const std::string& text);

/** The inverse of guard_formula: removes the quote it adds, and only that one. */
[[nodiscard]] std::string unguard_formula(const std::string& text);

/** text (UTF-8 without NUL) as an XLSX string: control characters but TAB and LF, U+FFFE and U+FFFF written
 *  "_xHHHH_", and the '_' of every literal "_x" written "_x005F_" (of every one, not only those of an escape's
 *  shape: "_x0041" before an escaped character would otherwise read back as one). */
[[nodiscard]] std::string xlsx_escape(const std::string& text);

/** The inverse of xlsx_escape, for any "_xHHHH_" (hex digits in either case; a surrogate pair as two escapes).
 *  Returns nullopt if an escape decodes to NUL or to a lone surrogate: text no scenario can hold. */
[[nodiscard]] std::optional<std::string> xlsx_unescape(const std::string& text);

/** The length of text (UTF-8) in UTF-16 code units: what Excel counts against its limit of 32,767 characters. */
[[nodiscard]] std::size_t utf16_length(const std::string& text);

} // namespace ricochet::io
