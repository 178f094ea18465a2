#include "ricochet/core/digest.hpp"

#include <new>

#include <fmt/format.h>
#include <xxhash.h>

namespace ricochet::core {

void Digest::Free::operator()(XXH3_state_s* state) const { XXH3_freeState(state); }

Digest::Digest() : state_(XXH3_createState())
{
  if (!state_ || XXH3_128bits_reset(state_.get()) != XXH_OK)
    throw std::bad_alloc();
}

Digest::~Digest()                            = default;
Digest::Digest(Digest&&) noexcept            = default;
Digest& Digest::operator=(Digest&&) noexcept = default;

void Digest::update(std::string_view bytes)
{
  (void)XXH3_128bits_update(state_.get(), bytes.data(), bytes.size()); // fails only on a null state
  size_ += bytes.size();
}

FileDigest Digest::result() const
{
  XXH128_hash_t h = XXH3_128bits_digest(state_.get());
  return {size_, fmt::format("{:016x}{:016x}", h.high64, h.low64)};
}

FileDigest digest_of(std::string_view bytes)
{
  Digest d;
  d.update(bytes);
  return d.result();
}

} // namespace ricochet::core
