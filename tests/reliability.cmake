# Reliability: resource limits on inputs, fuzzing regressions, killed runs, determinism across processes.
