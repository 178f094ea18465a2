#include "engine_flags.hpp"

#include <algorithm>
#include <charconv>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "ricochet/scenario/error.hpp"

namespace ricochet::sim {
namespace {

const char* const ACCEPTED = "ricochet passes SimGrid only --cfg=contexts/factory:raw|ucontext|boost|thread, "
                             "--cfg=contexts/stack-size:KIB (256 to 65536) and --log=CATEGORY.threshold:LEVEL "
                             "(trace, debug, verbose, info, warning, error, critical)";

[[noreturn]] void refuse(std::string_view flag, const std::string& why)
{
  throw scenario::ScenarioError("error: '" + std::string(flag) + "': " + why + "; " + ACCEPTED);
}

bool one_of(std::string_view value, const std::vector<std::string_view>& values)
{
  return std::find(values.begin(), values.end(), value) != values.end();
}

void check_cfg(std::string_view flag)
{
  std::string_view body = flag.substr(6);
  auto colon            = body.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == body.size())
    refuse(flag, "expected --cfg=KEY:VALUE");
  std::string_view key = body.substr(0, colon), value = body.substr(colon + 1);
  if (key == "contexts/factory") {
    if (!one_of(value, {"raw", "ucontext", "boost", "thread"}))
      refuse(flag, "unknown contexts/factory");
  } else if (key == "contexts/stack-size") {
    unsigned kib   = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), kib);
    if (ec != std::errc() || end != value.data() + value.size() || kib < 256 || kib > 65536)
      refuse(flag, "the stack size is a whole number of KiB from 256 to 65536");
  } else if (key.find("model") != std::string_view::npos || key.find("factor") != std::string_view::npos ||
             key.find("precision") != std::string_view::npos || key.rfind("network/", 0) == 0) {
    refuse(flag, "ricochet's timing is its own (a transfer takes size / bandwidth, with CM02, see "
                 "docs/architecture.md): a model, factor or precision setting would change what a scenario means");
  } else {
    refuse(flag, "not a setting ricochet passes");
  }
}

void check_log(std::string_view flag)
{
  // Several controls may be given at once, separated by spaces; SimGrid takes a setting by any prefix of its name.
  std::istringstream controls{std::string(flag.substr(6))};
  bool any = false;
  for (std::string control; controls >> control; any = true) {
    auto colon = control.find(':');
    auto dot   = control.rfind('.', colon);
    if (colon == std::string::npos || dot == std::string::npos || dot == 0)
      refuse(flag, "expected --log=CATEGORY.threshold:LEVEL");
    std::string setting = control.substr(dot + 1, colon - dot - 1);
    std::string level   = control.substr(colon + 1);
    if (setting.empty() || std::string("threshold").rfind(setting, 0) != 0)
      refuse(flag, "only the threshold of a log category may be set");
    if (!one_of(level, {"trace", "debug", "verbose", "info", "warning", "error", "critical"}))
      refuse(flag, "unknown log level '" + level + "'");
  }
  if (!any)
    refuse(flag, "expected --log=CATEGORY.threshold:LEVEL");
}

} // namespace

void check_engine_flags(int argc, char** argv)
{
  for (int i = 1; i < argc; ++i) {
    std::string_view flag = argv[i];
    if (flag.rfind("--cfg=", 0) == 0)
      check_cfg(flag);
    else if (flag.rfind("--log=", 0) == 0)
      check_log(flag);
  }
}

} // namespace ricochet::sim
