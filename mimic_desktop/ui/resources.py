"""Where the application's shipped resources (themes, translations, icons, fonts) live."""

from __future__ import annotations

from pathlib import Path

from ..domain.shipped import shipped


def resources_dir() -> Path:
    """The repository's resources/ folder, or the bundle's when the app runs frozen."""
    return shipped("resources")


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
