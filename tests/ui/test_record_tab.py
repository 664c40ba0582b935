"""The main window hosts the after-surgery record pages next to the live screen."""

from __future__ import annotations

import importlib.machinery
import sys
import types

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QWidget


class FakeRecordView(QWidget):
    """Stands in for mimic_desktop.ui.record.RecordView: same constructor and signal."""

    changed = Signal()

    def __init__(self, context, proc_id: str, parent=None):
        super().__init__(parent)
        self.context, self.proc_id = context, proc_id
        self.seen = []
        context.signals.record_changed.connect(self.seen.append)


def test_record_view_is_hosted_and_both_sides_hear_of_changes(make_window, store, coordinator, service, monkeypatch):
    module = types.ModuleType("mimic_desktop.ui.record")
    module.__spec__ = importlib.machinery.ModuleSpec("mimic_desktop.ui.record", None)
    module.RecordView = FakeRecordView
    monkeypatch.setitem(sys.modules, "mimic_desktop.ui.record", module)
    proc_id = service.create("MIM-03-001", "03", {"age_18_or_over": True})
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    record = window.tabs.widget(1)
    assert isinstance(record, FakeRecordView) and record.proc_id == proc_id
    window.live.log("incision")
    assert record.seen == [proc_id], "the record pages hear of every committed live change"
    service.record_event(proc_id, "inspect_white_light")  # as if the record pages had saved something
    record.changed.emit()
    assert window.live.timeline.tree.topLevelItemCount() == 2, "the live screen refreshes on the record's changes"


def test_placeholder_until_the_record_pages_exist(make_window, store, coordinator, service, monkeypatch):
    from mimic_desktop.ui import main_window

    monkeypatch.setattr(main_window.importlib.util, "find_spec", lambda _name: None)
    proc_id = service.create("MIM-03-001", "03", {"age_18_or_over": True})
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    assert isinstance(window.tabs.widget(1), QLabel)
    assert window.tabs.widget(1).objectName() == "recordPlaceholder"
