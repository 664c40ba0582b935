"""Benchmarks of MIMIC Desktop against baselines measured in the same run: `python -m bench`."""
