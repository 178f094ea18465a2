// Fuzzes the chronogramme importer as `ricochet msel --import` runs it: read_table (CSV, or XLSX through libzip and
// pugixml), then injects_from_table, then the scenario rewritten with the imported injects. Whatever the bytes, the
// answer is a table or a ScenarioError, and diagnostics: never a crash, a hang, unbounded memory or another
// exception; and injects that import without error must load back, unchanged, from the rewritten scenario (the
// import refuses to write a scenario that would not load: a planner would be stuck with a chronogramme they cannot
// import).
// The first byte chooses the form: 0 CSV; 1 the bytes as an .xlsx file; 2 an .xlsx built here around the bytes
// (the sheet's XML, then after a NUL byte the shared strings' XML), so that mutations reach the XML readers
// rather than breaking the zip's checksums. Its bit 2 chooses the language of the texts (fr or en).
#include <unistd.h>

#include <cmath>
#include <cstddef>
#include <cstdio>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include <zip.h>

#include "ricochet/core/diagnostics.hpp"
#include "ricochet/core/local_time.hpp"
#include "ricochet/io/chronogramme.hpp"
#include "ricochet/io/spreadsheet.hpp"
#include "ricochet/scenario/error.hpp"
#include "ricochet/scenario/injects_writer.hpp"
#include "ricochet/scenario/loader.hpp"

namespace fs = std::filesystem;

namespace {
const fs::path& work_dir()
{
  static const fs::path dir = [] {
    fs::path d = fs::temp_directory_path() / ("ricochet-fuzz-chronogramme-" + std::to_string(getpid()));
    fs::create_directories(d);
    std::error_code ec;
    fs::create_directory_symlink(RICOCHET_SOURCE_DIR, d / "src", ec);
    return d;
  }();
  return dir;
}

/** The scenario the injects are imported into (its region named from work_dir()). */
const std::string& base_scenario()
{
  static const std::string text = [] {
    std::ifstream in(fs::path(RICOCHET_SOURCE_DIR) / "tests/data/sim/injects.yaml");
    std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string from = "region: regions/labs.yaml";
    std::size_t at         = all.find(from);
    if (at == std::string::npos)
      __builtin_trap();
    return all.replace(at, from.size(), "region: src/tests/data/sim/regions/labs.yaml");
  }();
  return text;
}

[[noreturn]] void finding(const std::string& what, const std::string& detail)
{
  std::fprintf(stderr, "%s\n%s\n", what.c_str(), detail.c_str());
  __builtin_trap();
}

void write_bytes(const fs::path& path, const std::string& bytes)
{
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

/** A workbook holding the given parts (an empty shared strings part is left out). */
void write_workbook(const fs::path& path, const std::string& sheet, const std::string& shared)
{
  int err        = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
  if (archive == nullptr)
    __builtin_trap(); // the harness's own directory: not a finding
  auto add = [&](const char* name, const std::string& part) {
    zip_source_t* src = zip_source_buffer(archive, part.data(), part.size(), 0);
    if (src == nullptr || zip_file_add(archive, name, src, ZIP_FL_OVERWRITE) < 0)
      __builtin_trap();
  };
  add("xl/worksheets/sheet1.xml", sheet);
  if (!shared.empty())
    add("xl/sharedStrings.xml", shared);
  if (zip_close(archive) != 0)
    __builtin_trap();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
  if (size == 0)
    return 0;
  const int form         = data[0] % 3;
  const std::string lang = (data[0] & 4) != 0 ? "en" : "fr";
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  fs::path path;
  if (form == 0) {
    path = work_dir() / "input.csv";
    write_bytes(path, bytes);
  } else if (form == 1) {
    path = work_dir() / "input.xlsx";
    write_bytes(path, bytes);
  } else {
    path          = work_dir() / "built.xlsx";
    std::size_t cut = bytes.find('\0');
    write_workbook(path, bytes.substr(0, cut), cut == std::string::npos ? std::string() : bytes.substr(cut + 1));
  }
  ricochet::io::Table table;
  try {
    table = ricochet::io::read_table(path.string());
  } catch (const ricochet::scenario::ScenarioError&) {
    return 0; // refused with a message: what should happen to most inputs
  }
  static const ricochet::core::LocalClock clock("Europe/Paris", "2026-10-20 08:00");
  ricochet::core::Diagnostics diags;
  ricochet::scenario::Injects injects;
  // 86400: the duration of the scenario the injects go into (1d).
  injects.scripted = ricochet::io::injects_from_table(table, path.string(), clock, 86400, lang, diags);
  if (diags.has_errors())
    return 0;
  // What `msel --import` writes must load back with the same injects.
  const fs::path scenario = work_dir() / "scenario.yaml";
  write_bytes(scenario, ricochet::scenario::replace_injects_block(base_scenario(), ricochet::scenario::injects_yaml(injects)));
  ricochet::core::Diagnostics back;
  auto loaded = ricochet::scenario::load_file(scenario.string(), back);
  std::ostringstream messages;
  back.print(messages);
  if (!loaded || !loaded->scenario)
    finding("imported injects do not load back:", messages.str());
  const auto& again = loaded->scenario->injects.scripted;
  if (again.size() != injects.scripted.size())
    finding("imported injects load back as another number of injects", messages.str());
  for (std::size_t i = 0; i < again.size(); ++i) {
    const auto &a = injects.scripted[i], &b = again[i];
    if (a.id != b.id || a.recipient != b.recipient || a.stimulus.fr != b.stimulus.fr || a.stimulus.en != b.stimulus.en ||
        a.note != b.note || std::llround(a.at.at_s) != std::llround(b.at.at_s))
      finding("inject '" + a.id + "' loads back changed", "as '" + b.id + "'");
  }
  return 0;
}
