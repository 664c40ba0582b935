"""The embedded fonts: DejaVu Sans covers Dutch (ë, ï, é) and the check-box glyphs."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from ..domain.errors import MimicError
from ..domain.shipped import shipped
from ..domain.wording import Text

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
SYSTEM_DIR = Path("/usr/share/fonts/truetype/dejavu")


def font_dirs() -> list[Path]:
    """Where to look: the bundle or the repository's resources/fonts first (present on every OS)."""
    return [shipped("resources", "fonts"), SYSTEM_DIR]


def font_file(name: str, dirs: list[Path] | None = None) -> Path:
    for folder in dirs if dirs is not None else font_dirs():
        candidate = folder / f"{name}.ttf"
        if candidate.is_file():
            return candidate
    searched = ", ".join(map(str, dirs if dirs is not None else font_dirs()))
    raise MimicError(
        Text(
            "The PDF font {name}.ttf is missing from this installation (looked in {searched}).",
            name=name,
            searched=searched,
        )
    )


@cache
def register() -> str:
    """Register the family with reportlab once; returns the regular face's name."""
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for face in (REGULAR, BOLD, ITALIC):
        pdfmetrics.registerFont(TTFont(face, str(font_file(face))))
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, ITALIC)
    addMapping(REGULAR, 1, 1, BOLD)
    return REGULAR
