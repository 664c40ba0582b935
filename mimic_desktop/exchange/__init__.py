"""Leaving the laptop: session files, flat CSV, REDCap, CDISC ODM, and the central database."""

# The storage package loads sqlite-utils without pandas; the central database's migrations need sqlite-utils,
# and the trial office's window may reach them first.
from .. import storage as _storage  # noqa: F401
