"""Leaving the laptop: session files, flat CSV, REDCap, CDISC ODM, and the central database."""
