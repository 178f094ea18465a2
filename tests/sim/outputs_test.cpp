// Hostile strings from a scenario are escaped in every output: HTML report, chronogramme CSV, JSON journal and layer.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "ricochet/io/attack_layer.hpp"
#include "ricochet/io/graph_export.hpp"
#include "ricochet/io/msel.hpp"
#include "ricochet/io/report.hpp"
#include "ricochet/io/run_dir.hpp"
#include "ricochet/io/spreadsheet.hpp"
#include "ricochet/model/region_graph.hpp"
#include "run_helpers.hpp"

using namespace ricochet;



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
      auto rows = io::parse_csv(io::msel_csv(r.events, clock, lang));
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
    // The run's directory, as `ricochet run` writes it (its manifest last).
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "ricochet-hostile-run";
    {
      io::RunDirWriter out(dir.string());
      out.begin({"journal.jsonl", "summary.json", "care.csv", "region.json"});
      out.write("journal.jsonl", r.journal);
      out.write("summary.json", r.summary);
      out.write("care.csv", r.care);
      out.write("region.json", io::graph_to_json(model::RegionGraph(s.region), ""));
      out.commit({io::inputs_identity(s), "", s.seed, std::nullopt});
    }
    io::RunOutputs run = io::read_run(dir.string());
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
