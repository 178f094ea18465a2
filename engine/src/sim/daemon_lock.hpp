#pragma once
// The lock a daemon actor holds around its condition variable waits.
#include <mutex>

#include <simgrid/Exception.hpp>
#include <simgrid/s4u/Mutex.hpp>

namespace ricochet::sim {

/** Runs body (a daemon's loop, waiting on condition variables under lock) until SimGrid kills the actor at the end
 *  of the run. The kill unwinds the stack with ForcefulKillException, and a dying actor must make no simcall: with
 *  thread contexts (sanitizer builds) unlocking waits forever for the maestro, which is joining the actor's thread;
 *  with the default contexts the stack is dropped in the middle of the unwinding. So a killed daemon leaves the mutex
 *  alone: it is destroyed with the run, and a cv wait interrupted by the kill had released it anyway. */
template <typename Body>
void until_killed(std::unique_lock<simgrid::s4u::Mutex>& lock, Body&& body)
{
  try {
    body();
  } catch (const simgrid::ForcefulKillException&) {
    lock.release(); // forget the mutex without unlocking it (no simcall)
    throw;
  }
}

} // namespace ricochet::sim
