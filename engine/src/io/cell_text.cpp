#include "ricochet/io/cell_text.hpp"

#include <cstdint>

#include <fmt/format.h>

#include "ricochet/core/utf8.hpp"

namespace ricochet::io {

namespace {

/** A first character that makes a spreadsheet read the cell as a formula (OWASP's list). */
bool starts_formula(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

/** Whether the quote of "'" + rest is one that guard_formula adds (and unguard_formula removes). */
bool guarded_after_quote(const std::string& text, std::size_t at)
{
  return at < text.size() && (starts_formula(text[at]) || text[at] == '\'');
}

bool hex(char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

/** Whether text holds "_xHHHH_" at i. */
bool escape_at(const std::string& text, std::size_t i)
{
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' || text[i + 6] != '_')
    return false;
  for (std::size_t k = i + 2; k < i + 6; ++k)
    if (!hex(text[k]))
      return false;
  return true;
}

void append_utf8(std::string& out, std::uint32_t cp)
{
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

} // namespace

bool is_utf8(const std::string& text) { return core::utf8_valid_prefix(text) == text.size(); }

std::string guard_formula(const std::string& text)
{
  if (text.empty())
    return text;
  if (starts_formula(text[0]) || (text[0] == '\'' && guarded_after_quote(text, 1)))
    return "'" + text;
  return text;
}

std::string unguard_formula(const std::string& text)
{
  if (text.size() >= 2 && text[0] == '\'' && guarded_after_quote(text, 1))
    return text.substr(1);
  return text;
}

std::string xlsx_escape(const std::string& text)
{
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 && c != '\t' && c != '\n') {
      out += fmt::format("_x{:04X}_", c);
    } else if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBF &&
               (static_cast<unsigned char>(text[i + 2]) == 0xBE || static_cast<unsigned char>(text[i + 2]) == 0xBF)) {
      out += static_cast<unsigned char>(text[i + 2]) == 0xBE ? "_xFFFE_" : "_xFFFF_"; // not XML 1.0 characters
      i += 2;
    } else if (c == '_' && i + 1 < text.size() && text[i + 1] == 'x') {
      // Every "_x", not only those of an escape's shape: "_x0041" before an escaped character would become one.
      out += "_x005F_";
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::optional<std::string> xlsx_unescape(const std::string& text)
{
  if (text.find("_x") == std::string::npos)
    return text;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    if (!escape_at(text, i)) {
      out += text[i++];
      continue;
    }
    auto unit = static_cast<std::uint32_t>(std::stoul(text.substr(i + 2, 4), nullptr, 16));
    i += 7;
    if (unit == 0)
      return std::nullopt;
    if (unit >= 0xDC00 && unit <= 0xDFFF)
      return std::nullopt;
    if (unit >= 0xD800 && unit <= 0xDBFF) { // a high surrogate: its low half must follow, escaped too
      if (!escape_at(text, i))
        return std::nullopt;
      auto low = static_cast<std::uint32_t>(std::stoul(text.substr(i + 2, 4), nullptr, 16));
      if (low < 0xDC00 || low > 0xDFFF)
        return std::nullopt;
      unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
      i += 7;
    }
    append_utf8(out, unit);
  }
  return out;
}

std::size_t utf16_length(const std::string& text)
{
  std::size_t n = 0;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c & 0xC0) != 0x80)
      n += c >= 0xF0 ? 2 : 1; // a code point past U+FFFF takes a surrogate pair
  }
  return n;
}

} // namespace ricochet::io
