// Injects: scripted, conditional (once) and generated, in the journal and in the chronogramme, in both languages.
#include <catch2/catch.hpp>

#include "ricochet/io/msel.hpp"
#include "run_helpers.hpp"

using namespace ricochet;
using test::run_scenario;
using test::sim_data;

TEST_CASE("injects: scripted, conditional and generated injects reach the journal and the chronogramme", "[injects]")
{
  auto r = run_scenario(sim_data("injects.yaml"));
  SECTION("the scripted line is sent at its time") {
    REQUIRE(r.only("inject", "i01").time == Approx(1800));
    REQUIRE(r.only("inject", "i01").details["type"] == "scripted");
  }
  SECTION("the conditional inject fires exactly once, 10 min after its condition holds") {
    auto sent = r.find("inject", "c01");
    REQUIRE(sent.size() == 1);
    REQUIRE(sent[0].time == Approx(7201 + 600).margin(1e-3));
    // Its cause is the model change after which the condition held; the chain goes back to the encryption.
    bool reaches_encryption = false;
    for (auto id = sent[0].cause; id != 0; id = r.by_id(id).cause)
      reaches_encryption |= r.by_id(id).kind == "asset.encrypted" && r.by_id(id).subject == "lis";
    REQUIRE(reaches_encryption);
  }
  SECTION("significant events generate stimuli that name the cascade across organisations") {
    std::size_t generated = 0;
    bool cross_org        = false;
    for (const auto& e : r.events)
      if (e.kind == "inject" && e.details["type"] == "generated") {
        ++generated;
        cross_org |= e.details["stimulus"]["fr"].get<std::string>().find("lab ne peut plus fournir « lis » à "
                                                                          "hospital-a") != std::string::npos;
      }
    REQUIRE(generated >= 4);
    REQUIRE(cross_org);
  }
  SECTION("msel, in French and in English, lists all three kinds sorted by time") {
    core::LocalClock clock("Europe/Paris", "2026-10-20 08:00");
    std::string fr = io::msel_csv(r.events, clock, "fr");
    std::string en = io::msel_csv(r.events, clock, "en");
    REQUIRE(fr.rfind("\xEF\xBB\xBFid;horaire;T+;phase;canal;émetteur;destinataire;stimulus;", 0) == 0);
    REQUIRE(en.rfind("\xEF\xBB\xBFid;time;T+;phase;channel;sender;recipient;stimulus;", 0) == 0);
    REQUIRE_THAT(fr, Catch::Contains("i01;20/10 08:30;T+0h30;DEBEX;mail;Direction générale;ES-direction;"
                                     "\"Début de l'exercice ; consignes aux joueurs.\";Accuser réception"));
    REQUIRE_THAT(en, Catch::Contains("\"Start of the exercise; players' briefing.\";Acknowledge"));
    REQUIRE_THAT(fr, Catch::Contains("c01;20/10 10:10;T+2h10;;téléphone;Biologiste responsable"));
    REQUIRE_THAT(en, Catch::Contains("Organise the paper circuit;Fiche réflexe biologie;;model condition;"
                                     "org.state lab impacted"));
    REQUIRE_THAT(fr, Catch::Contains("événement asset.encrypted lis"));
    REQUIRE_THAT(en, Catch::Contains("event asset.encrypted lis"));
    REQUIRE(fr.find("i01;") < fr.find("c01;"));
  }
}
