#pragma once
// The SimGrid flags a user may pass to `ricochet run`, checked before the engine reads them. Only flags that leave
// the results unchanged are passed: a model, factor or precision setting changes what a scenario's sizes, bandwidths
// and durations mean (and would not be recorded anywhere), and SimGrid 3.32 crashes, aborts or spins on many
// values of its other settings (a stack of 0 bytes, a file it cannot open, a precision of 0...).

namespace ricochet::sim {

/** Refuses, before the engine sees them, the --cfg= and --log= flags of argv that are not among those ricochet
 *  passes: --cfg=contexts/factory:NAME, --cfg=contexts/stack-size:KIB, --log=CATEGORY.threshold:LEVEL.
 *  @throw scenario::ScenarioError saying what is accepted */
void check_engine_flags(int argc, char** argv);

} // namespace ricochet::sim
