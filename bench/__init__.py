"""Benchmarks: `python -m bench` (or `make bench`). Numbers are printed, never asserted."""
