#include <set>

#include <catch2/catch.hpp>

#include "ricochet/io/html.hpp"
#include "ricochet/io/report.hpp"

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
