#pragma once
// Named random streams of one run, created on first use.
#include <cstdint>
#include <map>
#include <string>

#include "ricochet/core/random.hpp"

namespace ricochet::sim {

class RandomStreams {
public:
  explicit RandomStreams(std::uint64_t seed) : seed_(seed) {}
  core::RandomStream& get(const std::string& name)
  {
    auto it = streams_.find(name);
    if (it == streams_.end())
      it = streams_.emplace(name, core::RandomStream(seed_, name)).first;
    return it->second;
  }

private:
  std::uint64_t seed_;
  std::map<std::string, core::RandomStream> streams_;
};

} // namespace ricochet::sim
