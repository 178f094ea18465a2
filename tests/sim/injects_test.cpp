// Injects: scripted, conditional (once) and generated, in the journal and in the chronogramme, in both languages.
#include <catch2/catch.hpp>

#include <sstream>

#include "ricochet/io/chronogramme.hpp"
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

TEST_CASE("injects: imported times of day honour daylight saving and dates the new year", "[injects]")
{
  const io::Table header{{"id", "horaire", "destinataire", "stimulus"}};
  auto import = [&](const core::LocalClock& clock, const std::vector<std::string>& times, std::string& messages) {
    io::Table table = header;
    for (std::size_t i = 0; i < times.size(); ++i)
      table.push_back({"r" + std::to_string(i), times[i], "ES-direction", "x"});
    core::Diagnostics diags;
    auto injects = io::injects_from_table(table, "c.csv", clock, 7 * 86400, "fr", diags);
    std::ostringstream out;
    diags.print(out);
    messages = out.str();
    std::vector<double> at;
    for (const auto& inj : injects)
      at.push_back(inj.at.at_s);
    return at;
  };
  std::string messages;
  SECTION("clocks go back at 03:00 on 25 October 2026: 05:00 is 8 h after 22:00 the day before") {
    core::LocalClock clock("Europe/Paris", "2026-10-24 22:00");
    auto at = import(clock, {"05:00", "23:00", "22:00", "25/10 05:00"}, messages);
    REQUIRE(messages.empty());
    REQUIRE(at == std::vector<double>{8 * 3600.0, 3600.0, 0.0, 8 * 3600.0});
  }
  SECTION("a day before the start's is in the next year") {
    core::LocalClock clock("Europe/Paris", "2026-12-31 20:00");
    auto at = import(clock, {"01/01 02:00", "31/12 21:00"}, messages);
    REQUIRE(messages.empty());
    REQUIRE(at == std::vector<double>{6 * 3600.0, 3600.0});
  }
  SECTION("no such date, or earlier on the start's day, is a row error") {
    core::LocalClock clock("Europe/Paris", "2026-12-31 20:00");
    auto at = import(clock, {"31/02 10:00", "31/12 19:00"}, messages);
    REQUIRE(at.empty());
    REQUIRE_THAT(messages, Catch::Contains("c.csv:2:2: error: '31/02 10:00' is not a date and time"));
    REQUIRE_THAT(messages, Catch::Contains("c.csv:3:2: error: this time is before the start"));
  }
}
