"""Benchmarks, run as modules (`python -m tests.perf.<name>`), never collected by pytest."""
