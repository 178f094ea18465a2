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
  SECTION("a check that fails on the written file leaves the old file and no temporary file") {
    std::string checked;
    REQUIRE_THROWS_WITH(ricochet::core::write_file_atomically(path, "broken",
                                                              [&](const std::string& written) {
                                                                std::ifstream w(written);
                                                                std::getline(w, checked);
                                                                throw std::runtime_error("does not load");
                                                              }),
                        "does not load");
    REQUIRE(checked == "broken"); // the check saw the complete new content
    std::ifstream again(path);
    std::stringstream kept;
    kept << again.rdbuf();
    REQUIRE(kept.str() == "new content");
    REQUIRE(std::distance(fs::directory_iterator(dir), fs::directory_iterator()) == 1);
  }
  SECTION("a check that passes lets the file be replaced") {
    ricochet::core::write_file_atomically(path, "checked", [](const std::string&) {});
    std::ifstream again(path);
    std::stringstream kept;
    kept << again.rdbuf();
    REQUIRE(kept.str() == "checked");
  }
  SECTION("an unwritable place is an exception, not a silent loss") {
    REQUIRE_THROWS_AS(ricochet::core::write_file_atomically((dir / "missing" / "x").string(), "x"), std::runtime_error);
  }
  fs::remove_all(dir);
}
