// The benchmark workload generator and harness.
