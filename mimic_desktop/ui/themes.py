"""The dark theme for the dimmed operating room and a light one, as Qt style sheets."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from .resources import resource

# Icons are painted in one colour (ui/icons.py), so each theme names the colour of its icons.
ICON_COLOURS = {"dark": "#f2f2f2", "light": "#101010"}
SEGMENT_COLOURS = {
    "dark": {"fill": "#3b2b26", "marked": "#ffb300", "line": "#f2f2f2", "text": "#f2f2f2", "marked_text": "#000000"},
    "light": {"fill": "#f3e0d6", "marked": "#1565c0", "line": "#202020", "text": "#101010", "marked_text": "#ffffff"},
}

_current = {"name": "dark"}


def apply(app: QApplication, name: str) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(resource("themes", f"{name}.qss").read_text(encoding="utf-8"))
    _current["name"] = name


def current() -> str:
    return _current["name"]


def icon_colour() -> QColor:
    return QColor(ICON_COLOURS[current()])


def segment_colours() -> dict[str, QColor]:
    return {key: QColor(value) for key, value in SEGMENT_COLOURS[current()].items()}
