"""Icons from qtawesome's Material Design set, painted in the theme's colour."""

from __future__ import annotations

from PySide6.QtGui import QIcon

from . import themes


def icon(name: str) -> QIcon:
    import qtawesome  # its fonts load on first use, after the QApplication exists

    return qtawesome.icon(name, color=themes.icon_colour())
