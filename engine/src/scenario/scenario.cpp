#include "ricochet/scenario/scenario.hpp"

#include <algorithm>
#include <sstream>
#include <stdexcept>

#include "ricochet/scenario/error.hpp"

namespace ricochet::scenario {

const model::Variant* Scenario::find_variant(const std::string& id) const
{
  for (const auto& v : variants)
    if (v.id == id)
      return &v;
  return nullptr;
}

model::Region Scenario::region_for(const std::string& variant) const
{
  if (variant.empty())
    return region;
  const model::Variant* v = find_variant(variant);
  if (v == nullptr)
    throw std::invalid_argument("no variant '" + variant + "'");
  return model::apply_variant(region, *v);
}

Governance Scenario::governance_for(const std::string& variant) const
{
  Governance g = governance;
  const model::Variant* v = variant.empty() ? nullptr : find_variant(variant);
  if (v == nullptr)
    return g;
  for (const auto& change : v->changes)
    if (const auto* disable = std::get_if<model::DisableRule>(&change.change))
      g.rules.erase(std::remove_if(g.rules.begin(), g.rules.end(),
                                   [&](const Rule& r) { return r.id == disable->rule; }),
                    g.rules.end());
  return g;
}

ScenarioError ScenarioError::from(const core::Diagnostics& diags)
{
  std::ostringstream out;
  diags.print(out);
  std::string text = out.str();
  if (!text.empty() && text.back() == '\n')
    text.pop_back();
  return ScenarioError(text);
}

std::vector<std::string> Scenario::inject_ids() const
{
  std::vector<std::string> ids;
  for (const auto* list : {&injects.scripted, &injects.conditional})
    for (const auto& inject : *list)
      ids.push_back(inject.id);
  return ids;
}

} // namespace ricochet::scenario
