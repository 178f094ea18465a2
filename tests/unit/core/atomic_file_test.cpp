#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "ricochet/core/atomic_file.hpp"

TEST_CASE("core: atomic file replacement", "[core]")
{
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "ricochet-atomic-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::string path = (dir / "out.json").string();
  ricochet::core::write_file_atomically(path, "old");
  ricochet::core::write_file_atomically(path, "new content");
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  REQUIRE(text.str() == "new content");
  SECTION("no temporary file is left behind") {
    REQUIRE(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  }
  SECTION("an unwritable place is an exception, not a silent loss") {
    REQUIRE_THROWS_AS(ricochet::core::write_file_atomically((dir / "missing" / "x").string(), "x"), std::runtime_error);
  }
  fs::remove_all(dir);
}
