"""The dark theme for the dimmed operating room and a light one, as Qt style sheets."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from .resources import resource

# Icons are painted in one colour (ui/icons.py), so each theme names the colour of its icons.
ICON_COLOURS = {"dark": "#f2f2f2", "light": "#101010"}
SEGMENT_COLOURS = {
    "dark": {
        "fill": "#3b2b26",
        "marked": "#ffb300",
        "line": "#f2f2f2",
        "text": "#f2f2f2",
        "marked_text": "#000000",
        "focus": "#40c4ff",
    },
    "light": {
        "fill": "#f3e0d6",
        "marked": "#1565c0",
        "line": "#202020",
        "text": "#101010",
        "marked_text": "#ffffff",
        "focus": "#d81b60",
    },
}
# The central window's ROC plot and its marking of rejected files.
CHART_COLOURS = {
    "dark": {"curve": "#ffb300", "chance": "#8a8a8a", "grid": "#333333", "alert": "#ff8a80"},
    "light": {"curve": "#c0392b", "chance": "#8a8a8a", "grid": "#dddddd", "alert": "#b3261e"},
}

_current = {"name": "dark"}


def apply(app: QApplication, name: str) -> None:
    # The style is set once per application: replacing it again crashes Qt once a QWizard (the new
    # procedure wizard) has been deleted, so switching themes only swaps the style sheet.
    if not app.property("mimicStyleSet"):
        app.setStyle("Fusion")
        app.setProperty("mimicStyleSet", True)
    app.setStyleSheet(resource("themes", f"{name}.qss").read_text(encoding="utf-8"))
    _current["name"] = name


def current() -> str:
    return _current["name"]


def icon_colour() -> QColor:
    return QColor(ICON_COLOURS[current()])


def segment_colours() -> dict[str, QColor]:
    return {key: QColor(value) for key, value in SEGMENT_COLOURS[current()].items()}


def chart_colours() -> dict[str, QColor]:
    return {key: QColor(value) for key, value in CHART_COLOURS[current()].items()}
