#include "engine_flags.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "ricochet/scenario/error.hpp"

namespace ricochet::sim {
namespace {

/** What ricochet sets after the engine has read its flags (simulation.cpp): the meaning of a scenario's sizes and
 *  bandwidths depends on them (a transfer takes size / bandwidth, see docs/architecture.md). */
struct Fixed {
  std::string_view key, value;
};
constexpr Fixed FIXED[] = {{"network/model", "CM02"}, {"network/crosstraffic", "0"}, {"network/TCP-gamma", "1e15"}};

/** The names SimGrid 3.32 accepts for the settings it checks only when it builds the platform, as it lists them in
 *  its own message before it aborts. */
struct Choice {
  std::string_view key;
  std::vector<std::string_view> values;
};
const std::vector<Choice>& choices()
{
  static const std::vector<Choice> table{{"cpu/model", {"Cas01"}},
                                         {"host/model", {"default", "compound", "ptask_L07"}},
                                         {"disk/model", {"default"}},
                                         {"network/optim", {"Lazy", "TI", "Full"}},
                                         {"cpu/optim", {"Lazy", "TI", "Full"}},
                                         {"contexts/factory", {"raw", "ucontext", "boost", "thread"}}};
  return table;
}

std::string joined(const std::vector<std::string_view>& values)
{
  std::string out;
  for (auto v : values)
    out += (out.empty() ? "" : ", ") + std::string(v);
  return out;
}

} // namespace

void check_engine_flags(int argc, char** argv)
{
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (flag.rfind("--cfg=", 0) != 0)
      continue;
    std::string_view body = flag.substr(6);
    auto colon            = body.find(':');
    if (colon == std::string_view::npos)
      continue; // the engine refuses it with its own message
    std::string_view key = body.substr(0, colon), value = body.substr(colon + 1);
    for (const auto& f : FIXED)
      if (key == f.key && value != f.value)
        throw scenario::ScenarioError("error: '" + std::string(flag) + "': ricochet sets " + std::string(f.key) +
                                      " to " + std::string(f.value) +
                                      " itself (a transfer takes size / bandwidth, see docs/architecture.md); it "
                                      "cannot be changed");
    for (const auto& c : choices())
      if (key == c.key && std::find(c.values.begin(), c.values.end(), value) == c.values.end())
        throw scenario::ScenarioError("error: '" + std::string(flag) + "': unknown " + std::string(c.key) +
                                      " (SimGrid 3.32 knows " + joined(c.values) + ")");
  }
}

} // namespace ricochet::sim
