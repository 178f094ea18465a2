// Hostile strings from a scenario are escaped in every output: HTML report, chronogramme CSV, JSON journal and layer.
#include <sstream>

#include <catch2/catch.hpp>

#include "ricochet/io/attack_layer.hpp"
#include "ricochet/io/graph_export.hpp"
#include "ricochet/io/msel.hpp"
#include "ricochet/io/report.hpp"
#include "ricochet/model/region_graph.hpp"
#include "run_helpers.hpp"

using namespace ricochet;

namespace {

/** Splits CSV text (';' separated, '"' quoted, CRLF lines) into rows of cells. */
std::vector<std::vector<std::string>> parse_csv(const std::string& text)
{
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
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
    } else if (c == ';') {
      rows.back().push_back(cell);
      cell.clear();
    } else if (c == '\r') {
    } else if (c == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      rows.emplace_back();
    } else {
      cell += c;
    }
  }
  if (rows.back().empty())
    rows.pop_back();
  return rows;
}

} // namespace

TEST_CASE("outputs: hostile strings are escaped in HTML, CSV and JSON", "[outputs]")
{
  const std::string path = test::sim_data("hostile.yaml");
  auto r                 = test::run_scenario(path);
  scenario::Scenario s   = scenario::load_scenario(path);
  core::LocalClock clock(s.timezone, s.start_local);

  SECTION("JSON: every journal line parses back to the same strings") {
    std::istringstream lines(r.journal);
    std::string line;
    while (std::getline(lines, line))
      REQUIRE_NOTHROW(nlohmann::json::parse(line));
    REQUIRE(r.events.front().subject == s.name);
    auto layer = nlohmann::json::parse(io::attack_layer(r.events, s.name).dump());
    REQUIRE(layer["name"] == s.name);
  }
  SECTION("CSV: every row has its 13 cells and the texts come back whole") {
    for (const char* lang : {"fr", "en"}) {
      auto rows = parse_csv(io::msel_csv(r.events, clock, lang).substr(3)); // after the BOM
      REQUIRE(rows.size() >= 3);
      for (const auto& row : rows)
        REQUIRE(row.size() == 13);
      bool found = false;
      for (const auto& row : rows)
        if (row[0] == "evil") {
          found = true;
          REQUIRE(row[5] == "Journaliste \"Le Canard\"; ligne\nsuite");
          REQUIRE(row[6] == "ES-direction <script>x()</script>");
          if (std::string(lang) == "fr")
            REQUIRE(row[7] == "Texte avec ; point-virgule, \"guillemets\" et\nsaut de ligne <script>alert(1)</script>");
        }
      REQUIRE(found);
    }
  }
  SECTION("HTML: no markup from the scenario survives in the report") {
    io::RunOutputs run;
    run.dir     = "hostile";
    run.events  = r.events;
    run.summary = nlohmann::json::parse(r.summary);
    run.region  = nlohmann::json::parse(io::graph_to_json(model::RegionGraph(s.region), ""));
    std::istringstream csv(r.care);
    std::string line;
    while (std::getline(csv, line)) {
      std::vector<std::string> cells;
      std::stringstream ss(line);
      std::string cell;
      while (std::getline(ss, cell, ','))
        cells.push_back(cell);
      run.care.push_back(cells);
    }
    for (const char* lang : {"fr", "en"}) {
      std::string html = io::report_html(run, lang, std::nullopt);
      REQUIRE(html.find("<script") == std::string::npos);
      REQUIRE(html.find("<img") == std::string::npos);
      REQUIRE(html.find("onerror=alert") != std::string::npos); // present, but as inert text
      REQUIRE(html.find("&lt;script&gt;alert(&quot;pwn&quot;)") != std::string::npos);
      REQUIRE(html.find("Clinique ‘Ünïcødé’ 日本") != std::string::npos);
    }
  }
}
