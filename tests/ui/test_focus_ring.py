"""Where the keyboard is stays in sight: a focused button, field or drop-down carries a strong ring in each theme,
unlike the faint fill of before and unlike a hover."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton, QVBoxLayout, QWidget

from mimic_desktop.ui import themes

RING = {"dark": QColor("#ffffff"), "light": QColor("#000000")}


def left_edge(widget: QWidget) -> QColor:
    """The colour in the middle of the widget's left border, as drawn."""
    image = widget.grab().toImage()
    return image.pixelColor(1, image.height() // 2)


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_a_focused_button_field_and_drop_down_carry_the_theme_s_ring(ui_app, qtbot, theme):
    themes.apply(ui_app, theme)
    host = QWidget()
    qtbot.addWidget(host)
    layout = QVBoxLayout(host)
    button, edit, box, elsewhere = QPushButton("Save lesion"), QLineEdit("18"), QComboBox(), QPushButton("Other")
    box.addItems(["—", "Known from pre-operative imaging"])
    for widget in (button, edit, box, elsewhere):
        layout.addWidget(widget)
    host.show()
    host.activateWindow()
    qtbot.waitExposed(host)
    for widget in (button, edit, box):
        elsewhere.setFocus()
        QApplication.processEvents()
        plain = left_edge(widget)
        widget.setFocus()
        QApplication.processEvents()
        assert widget.hasFocus()
        focused = left_edge(widget)
        assert focused == RING[theme], f"{type(widget).__name__} in the {theme} theme: {focused.name()}"
        assert plain != focused
