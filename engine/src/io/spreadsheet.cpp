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
#include "ricochet/scenario/error.hpp"

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

/** Whether text is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF). */
bool is_utf8(const std::string& text)
{
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : 4;
    if (n == 4 || i + n >= text.size())
      return false;
    std::uint32_t cp = n == 0 ? c : c & (0x3Fu >> n);
    for (std::size_t k = 1; k <= n; ++k) {
      const auto d = static_cast<unsigned char>(text[i + k]);
      if ((d & 0xC0) != 0x80)
        return false;
      cp = (cp << 6) | (d & 0x3Fu);
    }
    static constexpr std::uint32_t smallest[] = {0, 0x80, 0x800, 0x10000};
    if (cp < smallest[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return false;
    i += n + 1;
  }
  return true;
}

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
    if (cp == 0)
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

Table parse_csv_named(const std::string& input, const std::string& file)
{
  std::string text = input.rfind("\xEF\xBB\xBF", 0) == 0 ? input.substr(3) : input;
  std::string header = text.substr(0, text.find('\n'));
  const char sep     = header.find(';') != std::string::npos ? ';' : ',';
  TableLimits limits(file);
  Table rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
  auto end_cell = [&] {
    limits.column(rows.size() + 1, row.size() + 1);
    limits.add(rows.size() + 1, row.size() + 1, 1, cell.size());
    row.push_back(std::move(cell));
    cell.clear();
  };
  auto end_row = [&] {
    limits.row(rows.size() + 1);
    rows.push_back(std::move(row));
    row.clear();
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    any    = true;
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == sep) {
      end_cell();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      end_cell();
      end_row();
      any = false;
    } else {
      cell += c;
    }
    if (cell.size() > MAX_CELL_BYTES)
      limits.cell(rows.size() + 1, row.size() + 1, cell.size());
  }
  if (any) {
    end_cell();
    end_row();
  }
  return rows;
}

} // namespace

Table parse_csv(const std::string& input) { return parse_csv_named(input, "CSV"); }

void write_xlsx(const std::string& path, const Table& table)
{
  namespace fs = std::filesystem;
  // libxlsxwriter only writes to a file name: it writes a private scratch file, whose bytes then go to path
  // through write_file_atomically (flushed to disk, renamed over path), like every other output.
  std::string scratch = (fs::path(core::scratch_directory()) / "ricochet-xlsx-XXXXXX").string();
  int fd              = ::mkstemp(scratch.data());
  if (fd < 0)
    throw std::runtime_error("cannot create a scratch file for '" + path + "': " + std::strerror(errno));
  ::close(fd);
  struct Remove {
    const std::string& file;
    ~Remove() { std::remove(file.c_str()); }
  } remove_scratch{scratch};
  lxw_workbook* workbook = workbook_new(scratch.c_str());
  if (workbook == nullptr)
    throw std::runtime_error("cannot create '" + scratch + "'");
  // A fixed creation date (the zip epoch, 1980-01-01) rather than now: the same chronogramme, the same bytes.
  lxw_doc_properties properties{};
  properties.created = 315532800;
  workbook_set_properties(workbook, &properties);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "chronogramme");
  lxw_format* bold     = workbook_add_format(workbook);
  format_set_bold(bold);
  lxw_format* wrap = workbook_add_format(workbook);
  format_set_text_wrap(wrap);
  for (std::size_t r = 0; r < table.size(); ++r)
    for (std::size_t c = 0; c < table[r].size(); ++c)
      worksheet_write_string(sheet, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), table[r][c].c_str(),
                             r == 0 ? bold : wrap);
  if (!table.empty())
    worksheet_freeze_panes(sheet, 1, 0);
  if (workbook_close(workbook) != LXW_NO_ERROR)
    throw std::runtime_error("cannot write '" + path + "'");
  std::ifstream in(scratch, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof())
    throw std::runtime_error("cannot read back '" + scratch + "'");
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

/** All the text of an element (rich text runs concatenated). */
std::string text_of(const pugi::xml_node& node)
{
  std::string out;
  for (const auto& t : node.select_nodes(".//*[local-name()='t']"))
    out += t.node().text().get();
  return out;
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
    sheet_xml  = zip_entry(archive, "xl/worksheets/sheet1.xml", true, path);
  } catch (...) {
    zip_close(archive);
    throw;
  }
  zip_close(archive);
  std::vector<std::string> shared;
  pugi::xml_document sdoc;
  if (!shared_xml.empty() && sdoc.load_buffer(shared_xml.data(), shared_xml.size()))
    for (const auto& si : sdoc.document_element().children())
      shared.push_back(text_of(si));
  pugi::xml_document doc;
  if (!doc.load_buffer(sheet_xml.data(), sheet_xml.size()))
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
      std::string ref = c.attribute("r").value();
      std::size_t col = 0, i = 0;
      for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && col <= MAX_COLUMNS; ++i)
        col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
      if (col == 0)
        col = row.size() + 1;
      limits.column(r, std::min(col, MAX_COLUMNS + 1)); // past the limit, the column is where it was crossed
      std::string type = c.attribute("t").value();
      std::string value;
      if (type == "s") {
        std::size_t k = static_cast<std::size_t>(c.child("v").text().as_uint());
        value         = k < shared.size() ? shared[k] : "";
      } else if (type == "inlineStr") {
        value = text_of(c);
      } else {
        value = c.child("v").text().get();
      }
      limits.cell(r, col, value.size());
      if (!is_utf8(value)) // XML is UTF-8: such bytes are a broken workbook, and the scenario could not keep them
        throw scenario::ScenarioError(fmt::format("{}:{}:{}: error: this cell is not UTF-8 text", path, r, col));
      limits.add(r, col, row.size() < col ? col - row.size() : 0, value.size());
      if (row.size() < col)
        row.resize(col);
      row[col - 1] = std::move(value);
    }
  }
  return table;
}

Table read_table(const std::string& path)
{
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec) && std::filesystem::file_size(path, ec) > MAX_FILE_BYTES)
    throw scenario::ScenarioError(fmt::format("{}: error: the chronogramme is larger than {} MiB; at most {} MiB are "
                                              "read",
                                              path, MAX_FILE_BYTES >> 20, MAX_FILE_BYTES >> 20));
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& ch : ext)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == ".xlsx")
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
  // Not UTF-8: French Excel's plain "CSV" is Windows-1252, read as such (found by fuzzing: its accented letters
  // were imported as invalid UTF-8, which the scenario writer could not keep).
  return parse_csv_named(is_utf8(text) ? text : utf8_from_cp1252(text), path);
}

} // namespace ricochet::io
