"""The Couinaud map: every segment of the CRF is drawn and hit by a click in its middle."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from mimic_desktop.domain import forms
from mimic_desktop.ui.liver_map import LiverMap


def test_every_segment_is_clickable_and_toggles(ui_app, qtbot):
    liver = LiverMap()
    qtbot.addWidget(liver)
    liver.resize(420, 270)
    liver.show()
    codes = forms.field_def("segments").choice_codes()
    assert set(codes) == {"I", "II", "III", "IVa", "IVb", "V", "VI", "VII", "VIII"}
    for code in codes:
        assert liver.segment_at(liver.segment_centre(code)) == code
    emitted = []
    liver.segments_changed.connect(emitted.append)
    for code in ("VIII", "I", "VIII"):
        qtbot.mouseClick(liver, Qt.MouseButton.LeftButton, pos=liver.segment_centre(code).toPoint())
    assert emitted == [["VIII"], ["I", "VIII"], ["I"]]
    assert liver.segment_at(QPointF(1, 1)) is None


def test_read_only_map_ignores_clicks(ui_app, qtbot):
    liver = LiverMap()
    qtbot.addWidget(liver)
    liver.resize(420, 270)
    liver.set_segments(["V"])
    liver.set_read_only(True)
    qtbot.mouseClick(liver, Qt.MouseButton.LeftButton, pos=liver.segment_centre("VI").toPoint())
    assert liver.segments() == ["V"]
