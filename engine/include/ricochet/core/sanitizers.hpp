#pragma once
// RICOCHET_ASAN is defined when this code is built with AddressSanitizer (cmake -DRICOCHET_SANITIZE=address,...,
// see docs/sanitizers.md): a few runtime choices differ under it. gcc says so with __SANITIZE_ADDRESS__, clang
// with __has_feature.
#if defined(__SANITIZE_ADDRESS__)
#define RICOCHET_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RICOCHET_ASAN 1
#endif
#endif
