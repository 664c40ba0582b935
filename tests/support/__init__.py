"""Machinery shared by the tests and by the scripts that produce docs/reliability.md."""
