#pragma once
// One name table per enum, shared by the loader (parsing, "allowed: ..." lists), the docs and every output.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ricochet::core {

/** Specialise with `static const std::vector<std::pair<E, std::string_view>>& table();` for each enum. */
template <typename E> struct EnumNames;

/** The scenario-file spelling of an enum value. */
template <typename E> [[nodiscard]] std::string_view enum_name(E value)
{
  for (const auto& [v, name] : EnumNames<E>::table())
    if (v == value)
      return name;
  return "?";
}

/** The enum value spelt name, or std::nullopt. */
template <typename E> [[nodiscard]] std::optional<E> enum_from_name(std::string_view name)
{
  for (const auto& [v, n] : EnumNames<E>::table())
    if (n == name)
      return v;
  return std::nullopt;
}

/** All spellings, in declaration order. */
template <typename E> [[nodiscard]] std::vector<std::string> enum_names()
{
  std::vector<std::string> out;
  for (const auto& entry : EnumNames<E>::table())
    out.emplace_back(entry.second);
  return out;
}

} // namespace ricochet::core
