"""Benchmarks, run as modules (`python -m tools.bench.<name>`), never collected by pytest."""
