"""Leaving the laptop: session files, flat CSV, REDCap, CDISC ODM, and the central database."""

# The storage package loads sqlite-utils without pandas; central.py imports sqlite-utils itself, and the
# trial office's window may reach it first.
from .. import storage as _storage  # noqa: F401
