// Care over time on the laboratory cascade (tests/data/sim/lab-cascade.yaml, hand-checked in its header).
#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "run_helpers.hpp"

using namespace ricochet;
using test::run_scenario;
using test::sim_data;

namespace {

struct Row {
  double demand, capacity, served, out, in, backlog, factor;
};

/** care.csv as (time, function) -> row. */
std::map<std::pair<long, std::string>, Row> parse_care(const std::string& csv)
{
  std::map<std::pair<long, std::string>, Row> rows;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line); // header
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ','))
      f.push_back(cell);
    rows[{std::stol(f[0]), f[2]}] = {std::stod(f[5]), std::stod(f[6]), std::stod(f[7]), std::stod(f[8]),
                                     std::stod(f[9]), std::stod(f[10]), std::stod(f[11])};
  }
  return rows;
}

} // namespace

TEST_CASE("care: an encrypted LIS sends biology to its floor and the emergency department after its buffer", "[care]")
{
  auto r    = run_scenario(sim_data("lab-cascade.yaml"));
  auto rows = parse_care(r.care);
  const double encrypted = 7201, restored = 7201 + 4 * 3600 + 800;
  SECTION("biology falls to its floor when the LIS is encrypted") {
    const auto& down = r.only("care.state", "lab/biology");
    REQUIRE(down.state == "down");
    REQUIRE(down.time == Approx(encrypted).margin(1e-3));
    REQUIRE(rows.at({7200, "lab/biology"}).factor == Approx(1.0));
    REQUIRE(rows.at({8100, "lab/biology"}).factor == Approx(0.55)); // laboratory, theoretical plan
    REQUIRE(rows.at({8100, "lab/biology"}).capacity == Approx(50.0 / 4 * 0.55));
  }
  SECTION("the emergency department degrades after its 2 h buffer, to its configured 0.7") {
    auto states = r.find("care.state", "hospital-a/emergency");
    REQUIRE(states.size() == 2);
    REQUIRE(states[0].state == "degraded");
    REQUIRE(states[0].time == Approx(encrypted + 2 * 3600).margin(1e-3));
    REQUIRE(rows.at({14400, "hospital-a/emergency"}).factor == Approx(1.0));
    REQUIRE(rows.at({15300, "hospital-a/emergency"}).factor == Approx(0.7));
    REQUIRE(states[1].state == "up");
    REQUIRE(states[1].time == Approx(restored).margin(1e-3));
  }
  SECTION("capacity ramps back over 4 h after the restore, not at once") {
    REQUIRE(r.find("care.state", "lab/biology").back().time == Approx(restored).margin(1e-3));
    REQUIRE(rows.at({23400, "lab/biology"}).factor == Approx(0.55 + 0.45 * (23400 - restored) / (4 * 3600)).margin(1e-3));
    REQUIRE(rows.at({36000, "lab/biology"}).factor < 1.0);
    REQUIRE(rows.at({36900, "lab/biology"}).factor == Approx(1.0));
  }
  SECTION("what the emergency department cannot serve goes to the nearest one with room, within 60 km") {
    const auto& diverted = r.only("patients.diverted", "hospital-a/emergency");
    REQUIRE(diverted.details["to"] == "hospital-b/emergency");
    REQUIRE(rows.at({15300, "hospital-a/emergency"}).out == Approx(2.5 - 2.1));
    REQUIRE(rows.at({15300, "hospital-b/emergency"}).in == Approx(0.4));
    REQUIRE(rows.count({15300, "hospital-c/emergency"}) == 1);
    REQUIRE(rows.at({15300, "hospital-c/emergency"}).in == 0.0);
  }
  SECTION("the summary carries the care metrics") {
    auto summary = nlohmann::json::parse(r.summary);
    REQUIRE(summary["care"]["patients_diverted"] == Approx(0.4 * 8)); // 8 steps from 15300 to 21600
    REQUIRE(summary["care"]["backlog_at_end"] == Approx(0.0));
    REQUIRE(summary["care"]["patient_hours_degraded"].get<double>() > 0);
    REQUIRE(summary["care"]["overloaded_organisations"] == nlohmann::json::array({"hospital-b"}));
  }
  SECTION("the receiver, filled to capacity by diverted patients, is overloaded in turn, then relieved") {
    auto load = r.find("org.load", "hospital-b");
    REQUIRE(load.size() == 2);
    REQUIRE(load[0].state == "overloaded");
    REQUIRE(load[0].time == Approx(15300));
    REQUIRE(load[1].state == "normal");
    REQUIRE(load[1].time == Approx(22500));
  }
}
