"""Conversion to open surgery and the explicit clear findings, recorded on the live screen by their keys: the
catalogue gives them no button of their own (seven rows of three at the smallest window), each a key."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mimic_desktop.domain import derive, forms
from tests.support.enrolment import in_surgery as surgery_under_way
from tests.ui.test_live_keys import kinds, press

KEYS = {Qt.Key.Key_Q: "plane_clear", Qt.Key.Key_K: "cavity_clear", Qt.Key.Key_V: "conversion_open"}


@pytest.fixture
def in_surgery(service):
    return surgery_under_way(service, ("incision", "lesion_found", "transection_start"))


def test_each_new_event_is_one_key_on_the_live_screen(make_window, store, coordinator, service, in_surgery, actions):
    window = make_window(store, coordinator)
    window.open_procedure(in_surgery)
    live = window.live
    live.take_keys()
    for key, kind in KEYS.items():
        assert forms.events()[kind].key == key_name(key)
        press(actions, key)
        assert kinds(service, in_surgery)[-1] == kind, f"{kind} by its key"
    proc = service.load(in_surgery)
    assessment = derive.assess_lesion(proc, proc.current_lesion_id)
    assert (assessment.plane_fluorescence, assessment.cavity_fluorescent) == (False, False)
    assert derive.procedure_findings(proc)["converted_to_open"] is True
    # The timeline names them; a second cavity finding is refused in place, with no dialog.
    rows = [live.timeline.tree.topLevelItem(i).text(1) for i in range(live.timeline.tree.topLevelItemCount())]
    assert rows[-3:] == ["Transection plane clear", "Cavity inspected, clear", "Conversion to open surgery"]
    press(actions, Qt.Key.Key_C)
    assert "the cavity is already recorded as Cavity inspected, clear" in live.notice.text()
    assert QApplication.activeModalWidget() is None
    assert kinds(service, in_surgery)[-1] == "conversion_open"


def key_name(key: Qt.Key) -> str:
    return chr(key.value)
