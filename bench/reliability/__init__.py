"""The reliability report: each requirement on keeping trial data safe, tried on this machine and measured.

`python -m bench.reliability` (full: 200 kills, 10,000 fuzzed files, every single-byte change)
writes docs/reliability.md; `--quick` runs every part small, as the test suite does. The parts
reuse the test support code in tests/support, so that the report and the tests try the same thing.
"""
