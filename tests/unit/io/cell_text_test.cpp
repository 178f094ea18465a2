#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "ricochet/io/cell_text.hpp"

using namespace ricochet;

TEST_CASE("cell text: the formula guard is undone exactly", "[cell_text]")
{
  CHECK(io::guard_formula("=1+1") == "'=1+1");
  CHECK(io::guard_formula("\tx") == "'\tx");
  CHECK(io::guard_formula("'=x") == "''=x");
  CHECK(io::guard_formula("''") == "'''");
  CHECK(io::guard_formula("'abc") == "'abc");
  CHECK(io::guard_formula("abc=") == "abc=");
  CHECK(io::unguard_formula("'abc") == "'abc"); // a quote the guard does not add is text
  const std::vector<std::string> texts{"",   "'",   "''",   "'''",  "=",    "'=",  "''=", "-", "+3", "@a", "\t",
                                       "\r", "'\r", "'a",   "a'",   "''a",  "'@'", "x",  "é=", "'é", "'-'"};
  for (const auto& t : texts) {
    INFO("text: " << t);
    CHECK(io::unguard_formula(io::guard_formula(t)) == t);
    const std::string g = io::guard_formula(t);
    CHECK((g.empty() || (g[0] != '=' && g[0] != '+' && g[0] != '-' && g[0] != '@' && g[0] != '\t' && g[0] != '\r')));
  }
}

TEST_CASE("cell text: XLSX escapes round-trip, including texts shaped like escapes", "[cell_text]")
{
  const std::vector<std::string> texts{"plain", "a\rb", "\x1b[31m", "_x0041_", "_x0041\x1b", "_x005F_", "_x",
                                       "__x0041__", "x_", "\x01\x1f", "\xEF\xBF\xBE\xEF\xBF\xBF", "tab\tnew\nline",
                                       "_x_x0041_x"};
  for (const auto& t : texts) {
    INFO("text: " << t);
    const std::string e = io::xlsx_escape(t);
    for (char c : e)
      CHECK((static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n'));
    auto back = io::xlsx_unescape(e);
    REQUIRE(back);
    CHECK(*back == t);
  }
  CHECK(io::xlsx_escape("a\rb") == "a_x000D_b");
  CHECK(io::xlsx_unescape("_xd83d__xde00_") == std::optional<std::string>("\xF0\x9F\x98\x80"));
  CHECK(io::xlsx_unescape("_x00e9_") == std::optional<std::string>("\xC3\xA9"));
  CHECK(io::xlsx_unescape("_x004_") == std::optional<std::string>("_x004_")); // not an escape: text
  CHECK_FALSE(io::xlsx_unescape("a_x0000_b"));
  CHECK_FALSE(io::xlsx_unescape("_xD83D_"));
  CHECK_FALSE(io::xlsx_unescape("_xDE00_"));
  CHECK(io::utf16_length("\xF0\x9F\x98\x80" "a\xC3\xA9") == 4);
}
