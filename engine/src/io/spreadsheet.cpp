#include "ricochet/io/spreadsheet.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

#include <pugixml.hpp>
#include <xlsxwriter.h>
#include <unistd.h>
#include <zip.h>

#include "ricochet/core/atomic_file.hpp"
#include "ricochet/io/cell_text.hpp"
#include "ricochet/scenario/error.hpp"

#include "excerpt.hpp"

namespace ricochet::io {

namespace {

// Limits on a chronogramme, so that a broken or hostile file is refused with a clear error rather than exhausting
// the memory: an exercise has a few hundred injects of a few lines each.
constexpr std::size_t MAX_FILE_BYTES  = 16u << 20; ///< the CSV or XLSX file
constexpr std::size_t MAX_PART_BYTES  = 64u << 20; ///< one part of the XLSX unpacked (zip bombs)
constexpr std::size_t MAX_ROWS        = 100000;
constexpr std::size_t MAX_COLUMNS     = 256;
constexpr std::size_t MAX_CELL_BYTES  = 64u << 10;
constexpr std::size_t MAX_CELLS       = 2000000;   ///< cells of the table, empty ones included
constexpr std::size_t MAX_TABLE_BYTES = 64u << 20; ///< text of all the cells (shared strings can repeat)

/** Checks a table as it grows; each check throws ScenarioError naming the file, the row and the column (1-based). */
class TableLimits {
public:
  explicit TableLimits(std::string file) : file_(std::move(file)) {}

  void row(std::size_t r) const
  {
    if (r > MAX_ROWS)
      fail(r, 1, fmt::format("the chronogramme has more than {} rows; at most {} are read", MAX_ROWS, MAX_ROWS));
  }
  void column(std::size_t r, std::size_t c) const
  {
    if (c > MAX_COLUMNS)
      fail(r, c, fmt::format("more than {} columns in this row; at most {} are read", MAX_COLUMNS, MAX_COLUMNS));
  }
  void cell(std::size_t r, std::size_t c, std::size_t bytes) const
  {
    if (bytes > MAX_CELL_BYTES)
      fail(r, c, fmt::format("this cell holds more than {} bytes; at most {} are read", MAX_CELL_BYTES,
                             MAX_CELL_BYTES));
  }
  /** Counts the cells a row grows by and the text put in them. */
  void add(std::size_t r, std::size_t c, std::size_t cells, std::size_t bytes)
  {
    cells_ += cells;
    bytes_ += bytes;
    if (cells_ > MAX_CELLS)
      fail(r, c, fmt::format("the chronogramme has more than {} cells; at most {} are read", MAX_CELLS, MAX_CELLS));
    if (bytes_ > MAX_TABLE_BYTES)
      fail(r, c, fmt::format("the chronogramme holds more than {} MiB of text; at most {} MiB are read",
                             MAX_TABLE_BYTES >> 20, MAX_TABLE_BYTES >> 20));
  }

private:
  [[noreturn]] void fail(std::size_t r, std::size_t c, const std::string& what) const
  {
    throw scenario::ScenarioError(fmt::format("{}:{}:{}: error: {}", file_, r, c, what));
  }

  std::string file_;
  std::size_t cells_ = 0;
  std::size_t bytes_ = 0;
};

/** Windows-1252 text (what French Excel writes for "CSV (séparateur: point-virgule)") as UTF-8. */
std::string utf8_from_cp1252(const std::string& text)
{
  // 0x80-0x9F: the printable characters Windows-1252 puts there (0 where it has none: kept as U+FFFD).
  static constexpr std::uint16_t high[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030,
                                             0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D,
                                             0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
                                             0x0178};
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    std::uint32_t cp = c < 0x80 ? c : c < 0xA0 ? high[c - 0x80] : c;
    if (cp == 0 && c != 0) // a NUL byte stays one, for the parser to refuse
      cp = 0xFFFD;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }
  return out;
}

/** The separator of a CSV: ';' if the header line has one outside quotes, else ','. */
char csv_separator(const std::string& text)
{
  bool quoted = false;
  for (char c : text) {
    if (c == '"')
      quoted = !quoted;
    else if (!quoted && (c == '\n' || c == '\r'))
      break;
    else if (!quoted && c == ';')
      return ';';
  }
  return ',';
}

/** Characters (not bytes) of text in [from, to), 1-based as a column: where to in that line is. */
int column_of(const std::string& text, std::size_t from, std::size_t to)
{
  int col = 1;
  for (std::size_t i = from; i < to; ++i)
    col += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 ? 1 : 0;
  return col;
}

/** Parses CSV as Excel reads it: a quote opens a quoted cell only as the first character of a cell (elsewhere it
 *  is text); in a quoted cell "" is a quote and line breaks are text; CRLF, LF or a lone CR end a row. A quote left
 *  open at the end is refused where it was opened (it would swallow the rest of the file into one cell). */
Table parse_csv_named(const std::string& input, const std::string& file)
{
  const std::string text = input.rfind("\xEF\xBB\xBF", 0) == 0 ? input.substr(3) : input;
  const char sep         = csv_separator(text);
  TableLimits limits(file);
  Table rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, fresh = true, any = false;
  std::size_t line = 1, line_start = 0;             // where the parse is in the file
  std::size_t quote_line = 0;                       // where the open quote is
  int quote_col          = 0;
  auto fail = [&](std::size_t l, int c, const std::string& what) {
    throw scenario::ScenarioError(fmt::format("{}:{}:{}: error: {}", file, l, c, what));
  };
  auto end_cell = [&] {
    limits.column(rows.size() + 1, row.size() + 1);
    limits.add(rows.size() + 1, row.size() + 1, 1, cell.size());
    row.push_back(unguard_formula(cell));
    cell.clear();
    fresh = true;
  };
  auto end_row = [&] {
    end_cell();
    limits.row(rows.size() + 1);
    rows.push_back(std::move(row));
    row.clear();
    any = false;
  };
  auto new_line = [&](std::size_t next) {
    ++line;
    line_start = next;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    any          = true;
    if (c == '\0')
      fail(rows.size() + 1, static_cast<int>(row.size() + 1),
           "this cell holds a NUL byte; expected text (is this really a CSV file?)");
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
        if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n')))
          new_line(i + 1);
      }
    } else if (c == '"' && fresh) {
      quoted     = true;
      fresh      = false;
      quote_line = line;
      quote_col  = column_of(text, line_start, i);
    } else if (c == sep) {
      end_cell();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n' || c == '\r') {
      end_row();
      new_line(i + 1);
    } else {
      cell += c;
      fresh = false;
    }
    if (cell.size() > MAX_CELL_BYTES) {
      if (quoted) // most likely a quote left open: say where it is
        fail(rows.size() + 1, static_cast<int>(row.size() + 1),
             fmt::format("this cell holds more than {} bytes; at most {} are read (is the quote opened at line {}, "
                         "column {} closed?)",
                         MAX_CELL_BYTES, MAX_CELL_BYTES, quote_line, quote_col));
      limits.cell(rows.size() + 1, row.size() + 1, cell.size());
    }
  }
  if (quoted)
    fail(quote_line, quote_col,
         "unclosed quote opened here: a quoted cell ends with a quote (a quote inside it is written \"\"); "
         "without one, the rest of the file would be a single cell");
  if (any)
    end_row();
  return rows;
}

} // namespace

Table parse_csv(const std::string& input) { return parse_csv_named(input, "CSV"); }

namespace {

/** What an Excel cell holds at most (its documented limit, in UTF-16 code units; libxlsxwriter checks the same
 *  number of characters). */
constexpr std::size_t MAX_XLSX_CELL_CHARS = 32767;

/** A cell's text as the workbook holds it (ST_Xstring), or a ScenarioError naming the inject (the row's first cell)
 *  and the column, for what an XLSX cell cannot hold. */
std::string xlsx_cell(const std::string& path, const Table& table, std::size_t r, std::size_t c)
{
  const std::string& text = table[r][c];
  auto refuse             = [&](const std::string& what) {
    const bool named         = c < table[0].size() && !table[0][c].empty();
    const std::string column = named ? detail::excerpt(table[0][c]) : fmt::format("column {}", c + 1);
    const std::string row    = r == 0 ? std::string("the header") : "inject '" + detail::excerpt(table[r][0]) + "'";
    throw scenario::ScenarioError(fmt::format("{}: error: cannot write {} to an XLSX file: its {} {}", path, row,
                                              column, what));
  };
  if (!is_utf8(text))
    refuse("is not UTF-8 text");
  if (text.find('\0') != std::string::npos)
    refuse("holds a NUL character, which an XLSX cell cannot hold (XML 1.0 has no way to write it): remove it, or "
           "export to .csv");
  std::string escaped       = xlsx_escape(text);
  const std::size_t length  = utf16_length(text);
  const std::size_t written = utf16_length(escaped); // libxlsxwriter counts the escaped text
  if (std::max(length, written) > MAX_XLSX_CELL_CHARS)
    refuse(fmt::format("is {} characters long{}; an XLSX cell holds at most {} (Excel's limit): shorten it, or "
                       "export to .csv, which has no such limit",
                       std::max(length, written),
                       written > length ? " (a control character or '_x' counts 7, as the workbook writes it)" : "",
                       MAX_XLSX_CELL_CHARS));
  return escaped;
}

/** A private directory beside the output, for libxlsxwriter's scratch files, removed with everything in it. Hidden
 *  and named like the temporary file of any output, so that a killed export leaves nothing in $TMPDIR and nothing
 *  but what a killed write of any output may leave. */
class ScratchDir {
public:
  explicit ScratchDir(const std::string& output)
  {
    namespace fs     = std::filesystem;
    fs::path target  = output;
    fs::path dir     = target.parent_path().empty() ? fs::path(".") : target.parent_path();
    std::string name = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
    if (::mkdtemp(name.data()) == nullptr)
      throw std::runtime_error("cannot create a scratch directory for '" + output + "': " + std::strerror(errno));
    path_ = name;
  }
  ~ScratchDir()
  {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  ScratchDir(const ScratchDir&)            = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
  std::string path_;
};

} // namespace

void write_xlsx(const std::string& path, const Table& table)
{
  // Every cell is checked before anything is written.
  std::vector<std::vector<std::string>> cells(table.size());
  for (std::size_t r = 0; r < table.size(); ++r)
    for (std::size_t c = 0; c < table[r].size(); ++c)
      cells[r].push_back(xlsx_cell(path, table, r, c));
  // libxlsxwriter only writes to a file name, through scratch files of its own: both go to a private directory
  // beside path, and the workbook's bytes then go to path through write_file_atomically (flushed to disk, renamed
  // over path), like every other output.
  ScratchDir scratch(path);
  const std::string workbook_path = scratch.path() + "/workbook.xlsx";
  lxw_workbook_options options{};
  options.tmpdir         = const_cast<char*>(scratch.path().c_str()); // a C API that only reads it
  lxw_workbook* workbook = workbook_new_opt(workbook_path.c_str(), &options);
  if (workbook == nullptr)
    throw std::runtime_error("cannot create '" + workbook_path + "'");
  // A fixed creation date (the zip epoch, 1980-01-01) rather than now: the same chronogramme, the same bytes.
  lxw_doc_properties properties{};
  properties.created = 315532800;
  workbook_set_properties(workbook, &properties);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "chronogramme");
  lxw_format* bold     = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(workbook);
  format_set_text_wrap(wrap);
  // Text cells only (shared strings, never formulas): a text that starts with '=' stays text when the workbook is
  // opened, so it is written as it is, without the quote a CSV needs (which would show in the cell).
  for (std::size_t r = 0; r < cells.size(); ++r)
    for (std::size_t c = 0; c < cells[r].size(); ++c) {
      lxw_error err = worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c),
                                             cells[r][c].c_str(), r == 0 ? bold : wrap);
      if (err != LXW_NO_ERROR) {
        workbook_close(workbook);
        throw std::runtime_error(fmt::format("cannot write cell {}:{} of '{}': {}", r + 1, c + 1, path,
                                             lxw_strerror(err)));
      }
    }
  if (!table.empty())
    worksheet_freeze_panes(sheet, 1, 0);
  if (lxw_error err = workbook_close(workbook); err != LXW_NO_ERROR)
    throw std::runtime_error("cannot write '" + path + "': " + lxw_strerror(err));
  std::ifstream in(workbook_path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof())
    throw std::runtime_error("cannot read back '" + workbook_path + "'");
  core::write_file_atomically(path, bytes);
}

namespace {

std::string zip_entry(zip_t* archive, const char* name, bool required, const std::string& path)
{
  zip_stat_t st;
  if (zip_stat(archive, name, 0, &st) != 0) {
    if (required)
      throw scenario::ScenarioError(path + ": error: not an Excel workbook (no " + name + ")");
    return "";
  }
  if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > MAX_PART_BYTES)
    throw scenario::ScenarioError(fmt::format("{}: error: {} in the workbook unpacks to more than {} MiB; at most {} "
                                              "MiB are read",
                                              path, name, MAX_PART_BYTES >> 20, MAX_PART_BYTES >> 20));
  zip_file_t* f = zip_fopen(archive, name, 0);
  if (f == nullptr)
    throw scenario::ScenarioError(path + ": error: cannot read " + name + " in the workbook");
  std::string data(static_cast<std::size_t>(st.size), '\0');
  zip_int64_t n = zip_fread(f, data.data(), st.size);
  zip_fclose(f);
  if (n < 0 || static_cast<zip_uint64_t>(n) != st.size)
    throw scenario::ScenarioError(path + ": error: cannot read " + name + " in the workbook");
  return data;
}

/** The name of an element without its namespace prefix ("x:t" -> "t"). */
std::string local_name(const pugi::xml_node& node)
{
  std::string name = node.name();
  std::size_t colon = name.find(':');
  return colon == std::string::npos ? name : name.substr(colon + 1);
}

/** The first child element of node named name, with any namespace prefix. */
pugi::xml_node child_named(const pugi::xml_node& node, const char* name)
{
  for (const auto& child : node.children())
    if (child.type() == pugi::node_element && local_name(child) == name)
      return child;
  return {};
}

/** The text of a string item (<si> or <is>): its <t>, or its rich text runs' <t> concatenated (not the phonetic
 *  runs, <rPh>, which are a reading aid shown above the text). */
std::string text_of(const pugi::xml_node& item)
{
  std::string out;
  for (const auto& child : item.children()) {
    const std::string name = local_name(child);
    if (name == "t")
      out += child.text().get();
    else if (name == "r")
      out += child_named(child, "t").text().get();
  }
  return out;
}

/** pugixml's options for workbook parts: text that is only spaces is kept (a cell of one space is a cell). */
constexpr unsigned XML_OPTIONS = pugi::parse_default | pugi::parse_ws_pcdata_single;

/** The part of the workbook's first sheet: the first <sheet> of xl/workbook.xml, through its relationship in
 *  xl/_rels/workbook.xml.rels (a sheet moved first in Excel keeps its part's name); xl/worksheets/sheet1.xml in a
 *  package without xl/workbook.xml (a bare one, as some programs write). */
std::string first_sheet_part(zip_t* archive, const std::string& path)
{
  const std::string workbook = zip_entry(archive, "xl/workbook.xml", false, path);
  if (workbook.empty())
    return "xl/worksheets/sheet1.xml";
  auto fail = [&](const std::string& what) { throw scenario::ScenarioError(path + ": error: " + what); };
  pugi::xml_document doc;
  if (!doc.load_buffer(workbook.data(), workbook.size(), XML_OPTIONS))
    fail("the workbook's list of sheets (xl/workbook.xml) is not readable XML");
  pugi::xml_node sheet = doc.select_node("//*[local-name()='sheets']/*[local-name()='sheet']").node();
  if (!sheet)
    fail("the workbook lists no sheet (xl/workbook.xml)");
  std::string id; // r:id, whatever the prefix of the relationships' namespace
  for (const auto& a : sheet.attributes())
    if (std::string name = a.name(); name.size() > 3 && name.compare(name.size() - 3, 3, ":id") == 0)
      id = a.value();
  const std::string rels_xml = zip_entry(archive, "xl/_rels/workbook.xml.rels", true, path);
  pugi::xml_document rels;
  if (!rels.load_buffer(rels_xml.data(), rels_xml.size(), XML_OPTIONS))
    fail("the workbook's relationships (xl/_rels/workbook.xml.rels) are not readable XML");
  for (const auto& rel : rels.document_element().children())
    if (rel.type() == pugi::node_element && !id.empty() && id == rel.attribute("Id").value()) {
      std::string target = rel.attribute("Target").value();
      return target.rfind('/', 0) == 0 ? target.substr(1) : "xl/" + target; // absolute, or relative to xl/
    }
  fail(fmt::format("the workbook's first sheet ('{}') has no part in xl/_rels/workbook.xml.rels",
                   detail::excerpt(std::string(sheet.attribute("name").value()))));
  return {};
}

} // namespace

Table read_xlsx(const std::string& path)
{
  int err          = 0;
  zip_t* archive   = zip_open(path.c_str(), ZIP_RDONLY, &err);
  if (archive == nullptr)
    throw scenario::ScenarioError(path + ": error: cannot open it as an Excel workbook");
  std::string shared_xml, sheet_xml;
  try {
    shared_xml = zip_entry(archive, "xl/sharedStrings.xml", false, path);
    sheet_xml  = zip_entry(archive, first_sheet_part(archive, path).c_str(), true, path);
  } catch (...) {
    zip_close(archive);
    throw;
  }
  zip_close(archive);
  std::vector<std::string> shared;
  pugi::xml_document sdoc;
  if (!shared_xml.empty()) {
    if (!sdoc.load_buffer(shared_xml.data(), shared_xml.size(), XML_OPTIONS))
      throw scenario::ScenarioError(path + ": error: the shared strings of the workbook (xl/sharedStrings.xml) are "
                                           "not readable XML");
    for (const auto& si : sdoc.document_element().children())
      if (si.type() == pugi::node_element)
        shared.push_back(text_of(si));
  }
  pugi::xml_document doc;
  if (!doc.load_buffer(sheet_xml.data(), sheet_xml.size(), XML_OPTIONS))
    throw scenario::ScenarioError(path + ": error: the first sheet of the workbook is not readable");
  Table table;
  TableLimits limits(path);
  for (const auto& xrow : doc.select_nodes("//*[local-name()='row']")) {
    std::size_t r = static_cast<std::size_t>(xrow.node().attribute("r").as_uint(static_cast<unsigned>(table.size() + 1)));
    if (r == 0)
      continue;
    limits.row(r);
    if (table.size() < r)
      table.resize(r);
    auto& row = table[r - 1];
    for (const auto& c : xrow.node().children()) {
      if (c.type() != pugi::node_element)
        continue;
      std::string ref = c.attribute("r").value();
      std::size_t col = 0, i = 0;
      for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && col <= MAX_COLUMNS; ++i)
        col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
      if (col == 0)
        col = row.size() + 1;
      limits.column(r, std::min(col, MAX_COLUMNS + 1)); // past the limit, the column is where it was crossed
      auto fail = [&](const std::string& what) {
        throw scenario::ScenarioError(fmt::format("{}:{}:{}: error: {}", path, r, col, what));
      };
      std::string type = c.attribute("t").value();
      std::string value;
      if (type == "s") {
        std::string index = child_named(c, "v").text().get();
        if (index.empty() || index.size() > 9 || index.find_first_not_of("0123456789") != std::string::npos)
          fail(fmt::format("this cell refers to shared string '{}'; expected its number", detail::excerpt(index)));
        std::size_t k = std::stoul(index);
        if (k >= shared.size())
          fail(fmt::format("this cell refers to shared string {}, but the workbook has {} (numbered from 0)", k,
                           shared.size()));
        value = shared[k];
      } else if (type == "inlineStr") {
        value = text_of(child_named(c, "is"));
      } else {
        value = child_named(c, "v").text().get();
      }
      limits.cell(r, col, value.size());
      if (!is_utf8(value)) // XML is UTF-8: such bytes are a broken workbook, and the scenario could not keep them
        fail("this cell is not UTF-8 text");
      if (type == "s" || type == "inlineStr" || type == "str") { // text (ST_Xstring): "_x000D_" is a CR
        auto decoded = xlsx_unescape(value);
        if (!decoded)
          fail("this cell holds an escape ('_xHHHH_') of NUL or of half a surrogate pair, which is not text");
        value = std::move(*decoded);
      }
      limits.add(r, col, row.size() < col ? col - row.size() : 0, value.size());
      if (row.size() < col)
        row.resize(col);
      row[col - 1] = std::move(value);
    }
  }
  return table;
}

TableFormat table_format(const std::string& path)
{
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& ch : ext)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == ".csv")
    return TableFormat::CSV;
  if (ext == ".xlsx")
    return TableFormat::XLSX;
  throw scenario::ScenarioError(fmt::format("{}: error: {}; expected a chronogramme file named .csv (CSV for Excel) "
                                            "or .xlsx (Excel workbook), in any case",
                                            path, ext.empty() ? "no extension" : "unknown extension '" + ext + "'"));
}

Table read_table(const std::string& path)
{
  const TableFormat format = table_format(path);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw scenario::ScenarioError(path + ": error: this is a directory; expected a chronogramme file (.csv or .xlsx)");
  if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > MAX_FILE_BYTES)
    throw scenario::ScenarioError(fmt::format("{}: error: the chronogramme is larger than {} MiB; at most {} MiB are "
                                              "read",
                                              path, MAX_FILE_BYTES >> 20, MAX_FILE_BYTES >> 20));
  if (format == TableFormat::XLSX)
    return read_xlsx(path);
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw scenario::ScenarioError(path + ": error: cannot read the chronogramme");
  // Read at most one byte past the limit: a pipe or a device is no way around it.
  std::string text;
  std::vector<char> chunk(1 << 16);
  while (in && text.size() <= MAX_FILE_BYTES) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
  }
  if (text.size() > MAX_FILE_BYTES)
    throw scenario::ScenarioError(fmt::format("{}: error: the chronogramme is larger than {} MiB; at most {} MiB are "
                                              "read",
                                              path, MAX_FILE_BYTES >> 20, MAX_FILE_BYTES >> 20));
  if (text.rfind("\xFF\xFE", 0) == 0 || text.rfind("\xFE\xFF", 0) == 0)
    throw scenario::ScenarioError(path + ": error: this file is UTF-16 text (Excel's \"Unicode text\"); expected "
                                         "a CSV in UTF-8 or Windows-1252: save it from Excel as \"CSV UTF-8\"");
  // Not UTF-8: French Excel's plain "CSV" is Windows-1252, read as such (found by fuzzing: its accented letters
  // were imported as invalid UTF-8, which the scenario writer could not keep).
  return parse_csv_named(is_utf8(text) ? text : utf8_from_cp1252(text), path);
}

} // namespace ricochet::io
