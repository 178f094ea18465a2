#pragma once
// The --cfg= flags a user may pass to SimGrid, checked before the engine reads them: SimGrid 3.32 aborts the whole
// process (no message a user can act on, nothing written) on an unknown model or context factory when it builds the
// platform, and ricochet sets its network model itself, so a user's choice there would be silently overwritten.

namespace ricochet::sim {

/** Refuses, before the engine sees them, the --cfg= flags of argv that SimGrid would abort on or that ricochet
 *  overwrites. @throw scenario::ScenarioError saying what is accepted */
void check_engine_flags(int argc, char** argv);

} // namespace ricochet::sim
