#include "ricochet/io/spreadsheet.hpp"

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include <pugixml.hpp>
#include <xlsxwriter.h>
#include <zip.h>

#include "ricochet/scenario/error.hpp"

namespace ricochet::io {

Table parse_csv(const std::string& input)
{
  std::string text = input.rfind("\xEF\xBB\xBF", 0) == 0 ? input.substr(3) : input;
  std::string header = text.substr(0, text.find('\n'));
  const char sep     = header.find(';') != std::string::npos ? ';' : ',';
  Table rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false, any = false;
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
      row.push_back(std::move(cell));
      cell.clear();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      continue;
    } else if (c == '\n') {
      row.push_back(std::move(cell));
      cell.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
    } else {
      cell += c;
    }
  }
  if (any) {
    row.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

void write_xlsx(const std::string& path, const Table& table)
{
  namespace fs = std::filesystem;
  fs::path target(path);
  std::string tmp = (target.has_parent_path() ? target.parent_path() : fs::path(".")) /
                    ("." + target.filename().string() + ".tmp.xlsx");
  lxw_workbook* workbook   = workbook_new(tmp.c_str());
  if (workbook == nullptr)
    throw std::runtime_error("cannot create '" + tmp + "'");
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
  if (workbook_close(workbook) != LXW_NO_ERROR) {
    std::remove(tmp.c_str());
    throw std::runtime_error("cannot write '" + path + "'");
  }
  fs::rename(tmp, target);
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
  for (const auto& xrow : doc.select_nodes("//*[local-name()='row']")) {
    std::size_t r = static_cast<std::size_t>(xrow.node().attribute("r").as_uint(static_cast<unsigned>(table.size() + 1)));
    if (r == 0)
      continue;
    if (table.size() < r)
      table.resize(r);
    auto& row = table[r - 1];
    for (const auto& c : xrow.node().children()) {
      std::string ref = c.attribute("r").value();
      std::size_t col = 0, i = 0;
      for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i)
        col = col * 26 + static_cast<std::size_t>(ref[i] - 'A' + 1);
      if (col == 0)
        col = row.size() + 1;
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
      if (row.size() < col)
        row.resize(col);
      row[col - 1] = value;
    }
  }
  return table;
}

Table read_table(const std::string& path)
{
  std::string ext = std::filesystem::path(path).extension().string();
  for (auto& ch : ext)
    ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  if (ext == ".xlsx")
    return read_xlsx(path);
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw scenario::ScenarioError(path + ": error: cannot read the chronogramme");
  std::stringstream s;
  s << in.rdbuf();
  return parse_csv(s.str());
}

} // namespace ricochet::io
