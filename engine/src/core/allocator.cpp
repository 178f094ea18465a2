#include "ricochet/core/allocator.hpp"

#include <cstdlib> // defines __GLIBC__ with glibc

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ricochet::core {

void tune_allocator()
{
#if defined(__GLIBC__)
  ::mallopt(M_MXFAST, 0);
#endif
}

} // namespace ricochet::core
