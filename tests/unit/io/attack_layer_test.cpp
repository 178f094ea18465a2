#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "ricochet/io/attack_layer.hpp"
#include "ricochet/io/journal.hpp"

using namespace ricochet;

TEST_CASE("io: the ATT&CK layer follows the Navigator layer format 4.5 and names every technique played", "[io]")
{
  // The golden journal of example 01: six steps, one detected.
  const std::string path = std::string(RICOCHET_SOURCE_DIR) + "/examples/01-pivot-hosting/expected-journal.jsonl";
  auto events = io::read_journal(path);
  auto layer  = nlohmann::json::parse(io::attack_layer(events, "Exemple 01 <script>\"").dump());

  SECTION("required top-level fields with their types (layer format 4.5)") {
    REQUIRE(layer["name"] == "Exemple 01 <script>\"");
    REQUIRE(layer["versions"]["layer"] == "4.5");
    REQUIRE(layer["versions"]["attack"].is_string());
    REQUIRE(layer["versions"]["navigator"].is_string());
    REQUIRE(layer["domain"] == "enterprise-attack");
    REQUIRE(layer["description"].is_string());
    REQUIRE(layer["filters"]["platforms"].is_array());
    REQUIRE(layer["sorting"].is_number_integer());
    for (const char* key : {"layout", "gradient"})
      REQUIRE(layer[key].is_object());
    REQUIRE(layer["gradient"]["colors"].size() >= 2);
    REQUIRE(layer["gradient"]["minValue"].is_number());
    REQUIRE(layer["gradient"]["maxValue"].is_number());
    for (const char* key : {"techniques", "legendItems", "metadata", "links"})
      REQUIRE(layer[key].is_array());
    for (const char* key : {"hideDisabled", "showTacticRowBackground", "selectTechniquesAcrossTactics",
                            "selectSubtechniquesWithParent"})
      REQUIRE(layer[key].is_boolean());
  }
  SECTION("every technique entry is well formed") {
    static const std::regex technique("T[0-9]{4}(\\.[0-9]{3})?");
    static const std::regex colour("#[0-9a-f]{6}");
    static const std::set<std::string> tactics{"initial-access", "lateral-movement", "credential-access",
                                               "privilege-escalation", "impact", "exfiltration"};
    for (const auto& t : layer["techniques"]) {
      REQUIRE(std::regex_match(t["techniqueID"].get<std::string>(), technique));
      REQUIRE(tactics.count(t["tactic"].get<std::string>()) == 1);
      REQUIRE(t["score"].is_number());
      REQUIRE(std::regex_match(t["color"].get<std::string>(), colour));
      REQUIRE(t["comment"].is_string());
      REQUIRE(t["enabled"].is_boolean());
      for (const auto& m : t["metadata"]) {
        REQUIRE(m["name"].is_string());
        REQUIRE(m["value"].is_string());
      }
    }
  }
  SECTION("it names every technique the run played, with scores and colours from the run") {
    std::set<std::string> played, layered;
    for (const auto& e : events)
      if (e.kind == "attack.step")
        played.insert(e.details["technique"].get<std::string>());
    for (const auto& t : layer["techniques"])
      layered.insert(t["techniqueID"].get<std::string>());
    REQUIRE(layered == played);
    for (const auto& t : layer["techniques"]) {
      if (t["techniqueID"] == "T1133")
        REQUIRE(t["score"] == 1.0); // VPN access at T+1h
      if (t["techniqueID"] == "T1486")
        REQUIRE(t["color"] == "#ff9900"); // the encryption was detected
      if (t["techniqueID"] == "T1003")
        REQUIRE(t["color"] == "#e60000"); // credential theft went unseen
    }
  }
}
