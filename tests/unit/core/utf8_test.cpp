#include <string>

#include <catch2/catch.hpp>

#include "ricochet/core/utf8.hpp"

using ricochet::core::utf8_valid_prefix;

TEST_CASE("core: UTF-8 well-formedness stops at the first bad byte", "[core]")
{
  SECTION("well-formed text, from ASCII to 4-byte sequences") {
    for (std::string ok : {std::string(""), std::string("plain"), std::string("r\xC3\xA9gion \xE2\x80\x93 \xE2\x82\xAC"),
                           std::string("\xF0\x9F\x8F\xA5"), std::string("\xEF\xBB\xBFname"), std::string("\xF4\x8F\xBF\xBF")})
      REQUIRE(utf8_valid_prefix(ok) == ok.size());
  }
  SECTION("the offset of the first byte that starts no valid sequence") {
    REQUIRE(utf8_valid_prefix("r\xE9gion") == 1);          // Windows-1252
    REQUIRE(utf8_valid_prefix("ab\x80") == 2);              // stray continuation byte
    REQUIRE(utf8_valid_prefix("\xC0\xAF") == 0);            // overlong '/'
    REQUIRE(utf8_valid_prefix("x\xE0\x80\xAF") == 1);       // overlong, 3 bytes
    REQUIRE(utf8_valid_prefix("\xED\xA0\x80") == 0);        // surrogate U+D800
    REQUIRE(utf8_valid_prefix("\xF4\x90\x80\x80") == 0);    // past U+10FFFF
    REQUIRE(utf8_valid_prefix("ok\xC3") == 2);              // truncated at the end
    REQUIRE(utf8_valid_prefix("\xE2\x82x") == 0);           // truncated in the middle
    REQUIRE(utf8_valid_prefix("\xFF\xFE") == 0);            // UTF-16 byte-order mark
  }
}
