"""DEVELOPERS.md's "Adding an event or a finding", followed step by step on a copy of forms/: the catalogue kept in
forms/history/ and its version raised, a new finding, and a new event kind that records it. The live screen records
the event by its key and in its "More" menu, which shows the key; the record names the new version and imports;
a record that names the earlier version is refused the new kind."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction

from mimic_desktop.domain import derive, forms
from mimic_desktop.domain.clock import utc_now
from mimic_desktop.exchange import flat, record_check, record_json
from tests.support.enrolment import ENROLMENT
from tests.ui.test_a_finding_added_to_the_catalogue import clear_caches
from tests.ui.test_live_keys import press

NEW_EVENT = {
    "kind": "bile_leak_seen",
    "key": "J",
    "icon": "mdi6.water-alert",
    "lesion": "required",
    "finding": "bile_leak",
    "value": True,
    "colour": "#654321",
    # The grid of buttons is full at the smallest window: the event is recorded by its key and in the menu.
    "button": False,
    "after": [{"one_of": ["incision"]}, {"one_of": ["transection_start"], "lesion": "same"}],
    "label": {"en": "Bile leak seen", "nl": "Gallelekkage gezien"},
}
NEW_FINDING = {
    "name": "bile_leak",
    "values": "boolean",
    "when_not_recorded": False,
    "label": {"en": "Bile leak seen in the cavity", "nl": "Gallelekkage gezien in de holte"},
    "what": {"en": "bile leak", "nl": "de gallelekkage"},
}


@pytest.fixture
def guided_forms(tmp_path, monkeypatch):
    """A copy of forms/ changed as the developer guide says, in use for this test."""
    folder = tmp_path / "forms"
    shutil.copytree(forms.forms_dir(), folder)
    path = folder / "events.json"
    catalogue = json.loads(path.read_text("utf-8"))
    version = catalogue["version"]
    # 1. Copy the catalogue as it is to forms/history/events-vN.json and raise its version.
    shutil.copy(path, folder / "history" / f"events-v{version}.json")
    catalogue["version"] = version + 1
    # 2. The new finding; 3. the event that records it.
    catalogue["findings"].append(NEW_FINDING)
    catalogue["events"].append(NEW_EVENT)
    path.write_text(json.dumps(catalogue, ensure_ascii=False, indent=1), "utf-8")
    monkeypatch.setenv("MIMIC_FORMS_DIR", str(folder))
    monkeypatch.setenv("MIMIC_DEVELOPMENT", "1")
    clear_caches()
    yield version
    monkeypatch.undo()
    clear_caches()


def test_an_event_added_as_the_guide_says_is_recorded_on_screen_and_imports(
    guided_forms, make_window, store, coordinator, service, actions
):
    earlier = guided_forms
    assert forms.known_versions("events")[-2:] == (earlier, earlier + 1)
    start = utc_now() - timedelta(minutes=20)
    proc_id = service.create("MIM-03-001", "03", ENROLMENT | {"icg_given_at": start - timedelta(hours=24)})
    for minute, kind in enumerate(("incision", "lesion_found", "transection_start")):
        service.record_event(proc_id, kind, at=start + timedelta(minutes=minute))
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    live = window.live
    live.take_keys()
    live.more.fill()  # as the menu does when it opens
    entry = live.more.menu_.findChild(QAction, "more_bile_leak_seen")
    assert entry is not None and entry.text() == "Bile leak seen\tJ"
    press(actions, Qt.Key.Key_J)
    proc = service.load(proc_id)
    assert proc.live_events()[-1].kind == "bile_leak_seen"
    assert derive.assess_lesion(proc, proc.lesions[0].id).findings["bile_leak"] is True
    assert flat.lesion_rows(proc)[0]["bile_leak"] is True

    # The record names the new version of the catalogue and imports; one naming the earlier version may not hold
    # the new kind.
    document = record_json.record_to_dict(
        replace(proc, completed_at=proc.created_at), session_version=1, exported_at=proc.created_at, audit_head="0" * 64
    )
    assert document["form_versions"]["events"] == earlier + 1
    assert record_check.check_record(document).live_events()[-1].kind == "bile_leak_seen"
    document["form_versions"]["events"] = earlier
    with pytest.raises(record_check.RecordRejected, match="bile_leak_seen event, which version"):
        record_check.check_record(document)
