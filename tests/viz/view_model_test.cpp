// The viewer's model without a display: folding, time travel, trainer decisions and their branches.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "controller.hpp"
#include "ricochet/io/journal.hpp"
#include "scene_state.hpp"
#include "session.hpp"

using namespace ricochet;
using namespace ricochet::viz;
namespace fs = std::filesystem;

namespace {

const std::string EXERCISE = std::string(RICOCHET_SOURCE_DIR) + "/scenarios/exercises/exercise-2026.yaml";

std::string temp_dir(const std::string& name)
{
  fs::path dir = fs::temp_directory_path() / ("ricochet-view-test-" + std::to_string(getpid()) + "-" + name);
  fs::remove_all(dir);
  return dir.string();
}

std::vector<std::string> lines_of(const std::string& path)
{
  std::ifstream in(path);
  std::vector<std::string> out;
  for (std::string l; std::getline(in, l);)
    out.push_back(l);
  return out;
}

} // namespace

TEST_CASE("view: the fold shows the cascade of the reference exercise at known times", "[view]")
{
  Session session = Session::live({EXERCISE, "", std::nullopt});
  SceneState early = fold(session.events(), 3600);
  CHECK(early.assets.count("hd-vpn") == 0);
  CHECK_FALSE(early.craps);
  SceneState foothold = fold(session.events(), 3 * 3600);
  CHECK(foothold.assets.at("hd-vpn").look() == Look::COMPROMISED);
  CHECK(foothold.assets.at("hd-ad").look() == Look::COMPROMISED);
  REQUIRE(foothold.propagation.size() == 1); // hd-vpn -> hd-ad
  CHECK(foothold.propagation[0].from_asset == "hd-vpn");
  CHECK(foothold.propagation[0].to_asset == "hd-ad");
  SceneState crisis = fold(session.events(), 20 * 3600);
  CHECK(crisis.assets.at("mo-dpi").look() == Look::ENCRYPTED);
  CHECK(crisis.org_isolated.at("chi-haut-doubs"));
  CHECK(crisis.craps);
  CHECK(crisis.craps_at == Approx(70495).margin(1)); // Sun 18 Oct 17:34:55
  CHECK(crisis.ladders.at("ars") == "n3");
  SceneState recovering = fold(session.events(), 130 * 3600);
  CHECK(recovering.assets.at("hd-ad").look() == Look::RESTORED);
  CHECK(recovering.assets.at("hd-dpi").look() == Look::RESTORING);
}

TEST_CASE("view: rewinding to T then playing gives the state reached directly at T", "[view]")
{
  Session direct = Session::live({EXERCISE, "", std::nullopt});
  Session travelled = Session::live({EXERCISE, "", std::nullopt});
  const double t = 20 * 3600 + 17;
  direct.jump(t);
  apply_command(travelled, "jump T+100h");
  apply_command(travelled, "jump T+10h"); // rewind
  apply_command(travelled, "speed 3600");
  apply_command(travelled, "play");
  for (int frame = 0; frame < 600; ++frame) // 10 s of wall time at 60 frames per second: 10 simulated hours
    travelled.tick(1.0 / 60);
  apply_command(travelled, "pause");
  travelled.jump(travelled.now() + (t - travelled.now())); // the last fraction of a frame
  REQUIRE(travelled.now() == Approx(t).margin(1e-6));
  CHECK(describe(fold(travelled.events(), travelled.now())) == describe(fold(direct.events(), direct.now())));
}

TEST_CASE("view: a scripted isolation branches the journal exactly from its time on", "[view]")
{
  Session base = Session::live({EXERCISE, "", std::nullopt});
  Session branch = Session::live({EXERCISE, "", std::nullopt});
  for (const char* command : {"speed 600", "play", "pause", "speed 3600", "jump T+3h", "step",
                              "decide isolate org chi-haut-doubs"})
    apply_command(branch, command);
  const double decided = branch.now();
  REQUIRE(decided > 3 * 3600);
  REQUIRE(branch.actions().size() == 1);
  std::string base_dir = temp_dir("base"), branch_dir = temp_dir("branch");
  base.save(base_dir);
  branch.save(branch_dir);
  auto a = lines_of(base_dir + "/journal.jsonl"), b = lines_of(branch_dir + "/journal.jsonl");
  std::size_t first = 0;
  while (first < a.size() && first < b.size() && a[first] == b[first])
    ++first;
  REQUIRE(first < b.size());
  auto events_a = io::parse_journal(a[first], "base"), events_b = io::parse_journal(b[first], "branch");
  // The first difference is the trainer's decision, at its time; every earlier event is the same.
  CHECK(events_b[0].kind == "trainer.action");
  CHECK(events_b[0].subject == "chi-haut-doubs");
  CHECK(events_b[0].time == Approx(decided));
  CHECK(events_a[0].time >= decided);
  // The isolation follows from it.
  auto all_b = io::read_journal(branch_dir + "/journal.jsonl");
  auto isolate = std::find_if(all_b.begin(), all_b.end(), [&](const sim::Event& e) {
    return e.kind == "response.isolate" && e.cause == events_b[0].id;
  });
  CHECK(isolate != all_b.end());

  SECTION("the saved branch replays with ricochet run --actions, byte for byte") {
    std::string replay_dir = temp_dir("replayed");
    std::string cmd = std::string(RICOCHET_BINARY) + " run " + EXERCISE + " --actions " + branch_dir +
                      "/actions.txt --out " + replay_dir + " -q";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(lines_of(replay_dir + "/journal.jsonl") == b);
  }
  SECTION("a decision naming nothing known is refused and changes nothing") {
    CHECK_THROWS_WITH(apply_command(branch, "decide isolate org chi-haut-doub"),
                      Catch::Contains("unknown org 'chi-haut-doub' (closest: chi-haut-doubs"));
    CHECK(branch.actions().size() == 1);
  }
  SECTION("a replay cannot take decisions") {
    Session replay = Session::replay(branch_dir);
    CHECK_THROWS_WITH(replay.decide("activate_craps"), Catch::Contains("live mode"));
  }
}

TEST_CASE("view: a saved session replays, and cut short afterwards it is refused as an incomplete run", "[view]")
{
  Session full = Session::live({EXERCISE, "", std::nullopt});
  std::string dir = temp_dir("truncated");
  full.save(dir);
  CHECK(Session::replay(dir).events().size() == full.events().size());
  auto lines = lines_of(dir + "/journal.jsonl");
  {
    std::ofstream out(dir + "/journal.jsonl", std::ios::trunc);
    for (std::size_t i = 0; i < lines.size() / 2; ++i)
      out << lines[i] << '\n';
  }
  CHECK_THROWS_WITH(Session::replay(dir), "error: " + dir + " is not a complete run: journal.jsonl does not match its "
                                          "manifest (the run was interrupted or another run wrote here); run it again");
}

TEST_CASE("view: unknown commands are refused with the list of known ones", "[view]")
{
  Session s = Session::live({EXERCISE, "", std::nullopt});
  CHECK_THROWS_WITH(apply_command(s, "jamp T+2h"), Catch::Contains("unknown command 'jamp'; did you mean 'jump'?"));
  CHECK_THROWS_WITH(apply_command(s, "speed fast"), Catch::Contains("positive factor"));
}

TEST_CASE("view: a trainer fires an inject early and re-times another", "[view]")
{
  Session s = Session::live({EXERCISE, "", std::nullopt});
  apply_command(s, "jump T+1h");
  apply_command(s, "decide fire inject standard-nuit");       // scripted for 03:30, sent now (23:00) instead
  apply_command(s, "jump T+2h");
  apply_command(s, "decide retime inject standard-nuit to T+4h"); // already sent: nothing more happens
  std::vector<double> sent;
  for (const auto& e : s.events())
    if (e.kind == "inject" && e.subject == "standard-nuit")
      sent.push_back(e.time);
  CHECK(sent == std::vector<double>{3600.0});
  CHECK_THROWS_WITH(apply_command(s, "decide fire inject nope"), Catch::Contains("unknown inject 'nope'"));
  CHECK_THROWS_WITH(apply_command(s, "decide retime inject debex T+3h"), Catch::Contains("retime inject ID to"));
}

TEST_CASE("view: re-timing an inject twice sends it once at the last time; a past time is refused", "[view]")
{
  Session s = Session::live({EXERCISE, "", std::nullopt});
  apply_command(s, "jump T+1h");
  apply_command(s, "decide retime inject standard-nuit to T+8h");
  apply_command(s, "jump T+2h");
  apply_command(s, "decide retime inject standard-nuit to T+9h"); // cancels the T+8h send
  std::vector<double> sent;
  for (const auto& e : s.events())
    if (e.kind == "inject" && e.subject == "standard-nuit")
      sent.push_back(e.time);
  CHECK(sent == std::vector<double>{9 * 3600.0});
  CHECK_THROWS_WITH(apply_command(s, "decide retime inject standard-nuit to T+1h"), Catch::Contains("after the decision"));
  CHECK(s.actions().size() == 2);
}

TEST_CASE("view: faster above the top speed keeps the speed", "[view]")
{
  Session s = Session::live({EXERCISE, "", std::nullopt});
  apply_command(s, "speed 20000");
  apply_command(s, "faster");
  CHECK(s.speed() == 20000);
  apply_command(s, "slower");
  CHECK(s.speed() == 14400);
}
