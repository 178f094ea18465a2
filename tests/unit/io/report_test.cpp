#include <fstream>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "ricochet/io/graph_export.hpp"
#include "ricochet/io/html.hpp"
#include "ricochet/io/journal.hpp"
#include "ricochet/io/report.hpp"
#include "ricochet/model/region_graph.hpp"
#include "ricochet/scenario/loader.hpp"

using namespace ricochet;

TEST_CASE("io: every report label exists in French and in English", "[io]")
{
  auto keys = io::label_keys();
  REQUIRE(keys.size() > 50);
  for (const auto& key : keys) {
    INFO(key);
    REQUIRE_FALSE(io::label(key, "fr").empty());
    REQUIRE_FALSE(io::label(key, "en").empty());
  }
  REQUIRE(io::label("title", "fr") == "Rapport d'exercice");
  REQUIRE(io::label("title", "en") == "Exercise report");
  REQUIRE_THROWS_AS(io::label("no-such-key", "fr"), std::out_of_range);
}

TEST_CASE("io: HTML escaping and SVG building", "[io]")
{
  REQUIRE(io::html_escape("<a href=\"x\">O'Neil & co</a>") ==
          "&lt;a href=&quot;x&quot;&gt;O&#39;Neil &amp; co&lt;/a&gt;");
  REQUIRE(io::html_escape("Hôpital ‘日本’") == "Hôpital ‘日本’");
  std::string svg = io::Svg(100, 50, "t<i>")
                        .rect(1, 2, 3, 4, "#fff", "tip <b>")
                        .text(5, 6, "</text><script>", 10, "middle")
                        .line(0, 0, 1, 1, "red")
                        .circle(1, 1, 2, "blue")
                        .polyline({{0, 0}, {1, 2}}, "green")
                        .str();
  REQUIRE(svg.find("<script>") == std::string::npos);
  REQUIRE(svg.find("&lt;/text&gt;&lt;script&gt;") != std::string::npos);
  REQUIRE(svg.find("<title>tip &lt;b&gt;</title>") != std::string::npos);
  REQUIRE(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0) == 0);
  REQUIRE(svg.find("points=\"0.0,0.0 1.0,2.0\"") != std::string::npos);
}

TEST_CASE("io: the what-if table labels the baseline mean and the variant mean as such", "[io]")
{
  const std::string example = std::string(RICOCHET_SOURCE_DIR) + "/examples/01-pivot-hosting";
  io::RunOutputs run;
  run.dir     = example;
  run.events  = io::read_journal(example + "/expected-journal.jsonl");
  std::ifstream summary(example + "/expected-summary.json");
  run.summary = nlohmann::json::parse(summary);
  run.region  = nlohmann::json::parse(io::graph_to_json(
      model::RegionGraph(scenario::load_scenario(example + "/scenario.yaml").region_for("")), ""));
  const auto comparison = nlohmann::json::parse(R"({"baseline": "base", "variants": [{"variant": "tiering",
      "kpis": {"care_hours_lost": {"baseline_mean": 11.0, "variant_mean": 22.0, "difference": 11.0, "ci95": 1.0,
                                   "significant": true}}}]})");
  for (const std::string lang : {"fr", "en"}) {
    INFO(lang);
    const std::string html = io::report_html(run, lang, std::nullopt, comparison);
    const auto table       = html.find("<h3>tiering / base</h3>");
    REQUIRE(table != std::string::npos);
    const std::string header = "<tr><th>" + io::label("figure", lang) + "</th><th>" + io::label("baseline_mean", lang) +
                               "</th><th>" + io::label("variant_mean", lang) + "</th><th>" +
                               io::label("difference", lang) + "</th>";
    REQUIRE(html.find(header, table) != std::string::npos);
    REQUIRE(html.find("<td>11</td><td>22</td><td>11</td>", table) != std::string::npos);
  }
  REQUIRE(io::label("baseline_mean", "fr").find("Référence") == 0);
  REQUIRE(io::label("variant_mean", "en").find("Variant") == 0);
}
