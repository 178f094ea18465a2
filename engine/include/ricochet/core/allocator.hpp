#pragma once

namespace ricochet::core {

/** Process-wide allocator settings for the command-line programs, called first thing in main (docs/performance.md):
 *  glibc's "fast bins" keep freed small blocks apart, and the first larger free after millions of them (a loaded
 *  region's YAML tree, its strings) stops to merge them all at once; without fast bins, a national region loads a
 *  sixth faster and a batch run is a sixth cheaper. No effect with another C library. */
void tune_allocator();

} // namespace ricochet::core
