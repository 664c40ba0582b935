"""Icons from the Material Design Icons font that qtawesome ships, painted in the theme's colour.

The names are qtawesome's ("mdi6.knife"), and so is the font, but qtawesome itself is not
imported: through QtPy it imports every class of QtCore, QtGui and QtWidgets and loads all nine
of its fonts on the first icon, about 0.2 s of every start. Here only the Material Design font
and its character map are read, once, when the first icon is made.
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from ..domain.shipped import app_root, bundled
from . import themes

PREFIX = "mdi6."
FONT = "materialdesignicons6-webfont-*.ttf"
CHARMAP = "materialdesignicons6-webfont-charmap-*.json"
GLYPH_SHARE = 0.875  # of the icon's height, leaving room for the glyph's bearing as qtawesome does


def font_folder() -> Path:
    """qtawesome's fonts: beside its package, or where the standalone bundle collected them."""
    if bundled():
        return app_root() / "qtawesome" / "fonts"
    spec = importlib.util.find_spec("qtawesome")  # finds the package without running it
    if spec is None or spec.origin is None:
        raise RuntimeError("qtawesome is not installed: its icon font is needed")
    return Path(spec.origin).parent / "fonts"


@cache
def _glyphs() -> tuple[str, dict[str, str]]:
    """The font's family name and each icon name's code point (hexadecimal); needs the QApplication."""
    folder = font_folder()
    font_id = QFontDatabase.addApplicationFont(str(min(folder.glob(FONT))))
    families = QFontDatabase.applicationFontFamilies(font_id)
    if not families:
        raise RuntimeError(f"the icon font in {folder} could not be loaded")
    return families[0], json.loads(min(folder.glob(CHARMAP)).read_text(encoding="utf-8"))


class GlyphEngine(QIconEngine):
    """One character of the icon font, centred, in the colour of the icon's mode."""

    def __init__(self, family: str, char: str, colour: QColor):
        super().__init__()
        self.family, self.char, self.colour = family, char, colour

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        painter.save()
        font = QFont(self.family)
        font.setPixelSize(max(1, round(GLYPH_SHARE * rect.height())))
        painter.setFont(font)
        painter.setPen(self._colour(mode))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self.char)
        painter.restore()

    def _colour(self, mode: QIcon.Mode) -> QColor:
        if mode == QIcon.Mode.Disabled:
            return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        return self.colour

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        picture = QPixmap(size)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
        painter.end()
        return picture


def icon(name: str) -> QIcon:
    """The icon qtawesome calls name ("mdi6.knife"), in the current theme's icon colour."""
    return _icon(name, themes.icon_colour().name())


# Each icon is made once per colour and kept, as qtawesome keeps its own: a screen asks for the
# same few dozen again and again.
@cache
def _icon(name: str, colour: str) -> QIcon:
    family, codes = _glyphs()
    code = codes.get(name.removeprefix(PREFIX)) if name.startswith(PREFIX) else None
    if code is None:
        raise ValueError(f"{name!r} is not a Material Design icon (mdi6.NAME)")
    return QIcon(GlyphEngine(family, chr(int(code, 16)), QColor(colour)))
