// Crisis governance: rules with hold times and delays, the CRAPS and its effect, communications.
#include <catch2/catch.hpp>

#include "run_helpers.hpp"

using namespace ricochet;
using test::run_scenario;
using test::sim_data;

TEST_CASE("governance: rules fire at the exact times their hold and delay give", "[governance]")
{
  auto r = run_scenario(sim_data("governance.yaml")); // times hand-checked in the file's header
  REQUIRE(r.only("ladder.level", "establishment/lab").state == "mobilisation");
  REQUIRE(r.only("ladder.level", "establishment/lab").time == Approx(7201 + 1800 + 900).margin(1e-3));
  auto ars = r.find("ladder.level", "ars");
  REQUIRE(ars.size() == 2);
  REQUIRE(ars[0].state == "n2");
  REQUIRE(ars[0].time == Approx(14401 + 3600 + 1800).margin(1e-3));
  REQUIRE(ars[1].state == "n3");
  REQUIRE(ars[1].time == Approx(19801 + 3600).margin(1e-3));
  SECTION("a condition interrupted before its hold time does not fire") {
    REQUIRE(r.find("ladder.level", "establishment/hospital-a").empty());
  }
  SECTION("N3 activates the CRAPS, which coordinates diversion regionally; recipients are notified") {
    REQUIRE(r.only("craps.activated", "ars").time == Approx(ars[1].time));
    REQUIRE(r.only("craps.action", "diversion").state == "regional");
    REQUIRE(r.only("notification.sent", "cert_sante").time == Approx(ars[0].time + 900));
  }
  SECTION("each level change names its cause") {
    REQUIRE(r.by_id(ars[0].cause).kind == "org.state");
    // N3 needs N2 and biology under 90 %: biology is already low, so N2 is what made the condition hold (not the
    // stimulus generated about N2, emitted just after it).
    REQUIRE(r.by_id(ars[1].cause).id == ars[0].id);
  }
}

TEST_CASE("governance: the CRAPS activates in the 2026 exercise and its support shortens degraded care", "[governance]")
{
  const std::string exercise = std::string(RICOCHET_SOURCE_DIR) + "/scenarios/exercises/exercise-2026.yaml";
  auto with    = run_scenario(exercise);
  auto without = run_scenario(exercise, "no-craps");
  REQUIRE(with.only("craps.activated", "ars").state == "active");
  SECTION("each level change is caused by the state change that made its rule's condition hold") {
    const auto& morteau = with.only("ladder.level", "establishment/ch-morteau");
    REQUIRE(with.by_id(morteau.cause).kind == "care.state");
    REQUIRE(with.by_id(morteau.cause).subject == "ch-morteau/inpatient");
    // A copy: find returns a temporary vector.
    const auto pivot = with.find("ladder.level", "establishment/chi-haut-doubs").at(1);
    REQUIRE(with.by_id(pivot.cause).kind == "care.state");
    REQUIRE(with.by_id(pivot.cause).subject == "chi-haut-doubs/emergency");
    for (const auto& e : with.events)
      if (e.kind == "ladder.level") {
        INFO(e.subject << " " << e.state);
        REQUIRE(with.by_id(e.cause).kind != "inject");
        REQUIRE(with.by_id(e.cause).kind != "notification.sent");
      }
  }
  REQUIRE(without.find("craps.activated", "ars").empty());
  REQUIRE(with.only("regional_support.arrived", "cyber-bfc").time > 0);
  REQUIRE(without.find("regional_support.arrived", "cyber-bfc").empty());
  auto care_with    = nlohmann::json::parse(with.summary)["care"];
  auto care_without = nlohmann::json::parse(without.summary)["care"];
  REQUIRE(care_with["function_hours_degraded"].get<double>() < care_without["function_hours_degraded"].get<double>());
  REQUIRE(care_with["patient_hours_degraded"].get<double>() < care_without["patient_hours_degraded"].get<double>());
}

TEST_CASE("governance: lost IP telephony slows coordination, less when analog lines survive", "[governance]")
{
  auto no_voice = run_scenario(sim_data("telephony.yaml"));
  auto analog   = run_scenario(sim_data("telephony.yaml"), "analog-independent");
  const double encrypted = 3600 + 5.05e12 / 1e12;
  // The crisis cell (playbook, 1 h) and plan blanc (rule, 1 h): x3 without voice, x1.5 on analog lines.
  REQUIRE(no_voice.only("crisis_cell.activated", "hospital").time == Approx(encrypted + 3 * 3600).margin(1e-3));
  REQUIRE(analog.only("crisis_cell.activated", "hospital").time == Approx(encrypted + 1.5 * 3600).margin(1e-3));
  REQUIRE(no_voice.only("ladder.level", "establishment/hospital").time == Approx(encrypted + 3 * 3600).margin(1e-3));
  REQUIRE(analog.only("ladder.level", "establishment/hospital").time == Approx(encrypted + 1.5 * 3600).margin(1e-3));
  REQUIRE(no_voice.only("ladder.level", "establishment/hospital").details["communications_factor"] == 3.0);
}
