// Every file in tests/data/invalid/ is loaded and its diagnostics compared, line for line, with the .err file
// beside it. A file is expected to load only if its .err holds no error.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "ricochet/scenario/loader.hpp"

namespace fs = std::filesystem;

namespace {
std::string slurp(const fs::path& p)
{
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
} // namespace

TEST_CASE("scenario: catalogue of invalid inputs and their exact messages", "[scenario]")
{
  const fs::path dir = fs::path(RICOCHET_TEST_DATA_DIR) / "invalid";
  std::vector<std::string> cases;
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().extension() == ".yaml")
      cases.push_back(entry.path().filename().string());
  std::sort(cases.begin(), cases.end());
  REQUIRE(cases.size() >= 25);

  fs::current_path(dir); // messages name files as given: relative names keep them machine-independent
  for (const auto& name : cases) {
    DYNAMIC_SECTION(name)
    {
      fs::path expected_path = fs::path(name).replace_extension(".err");
      REQUIRE(fs::exists(expected_path));
      std::string expected = slurp(expected_path);
      ricochet::core::Diagnostics diags;
      auto loaded = ricochet::scenario::load_file(name, diags);
      std::ostringstream got;
      diags.print(got);
      CHECK(got.str() == expected);
      bool expects_error = expected.find(": error: ") != std::string::npos;
      CHECK(loaded.has_value() == !expects_error);
    }
  }
}
