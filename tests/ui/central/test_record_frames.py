"""The record dialog's Frames tab at the trial office: every frame each version lists, the one chosen shown from
the checked archived file when it travelled, and a plain sentence when its pixels stayed at the centre."""

from __future__ import annotations

import pytest

from mimic_desktop.services import central_import, frame_travel
from mimic_desktop.services import frames as frame_service
from tests.support import frames
from tests.support.office import data_manager
from tests.support.session_files import make_central, make_laptop

from .conftest import cells
from .test_record_and_versions import open_record


def keep(laptop, tmp_path, proc_id: str, kind: str, seed: int) -> None:
    proc = laptop.service.load(proc_id)
    event = next(e for e in proc.live_events() if e.kind == kind)
    image = frames.write(tmp_path / f"still-{seed}.png", frames.nir_frame(seed))
    frame_service.attach_frame(laptop.service, proc.study_id, event.id, image, reason="from the recording")


@pytest.fixture
def with_frames(tmp_path):
    """MIM-01-001 in two versions: the first carried its ICG inspection's frame; the second, exported with the
    setting off, lists that frame and one of its specimen that never travelled."""
    laptop = make_laptop(tmp_path / "centre")
    try:
        store = laptop.service.store
        frame_travel.set_frames_travel(store, laptop.service.user, True)
        proc_id = laptop.record(71, lesions=1)
        keep(laptop, tmp_path, proc_id, "inspect_icg", 7)
        files = [laptop.export(proc_id)]
        frame_travel.set_frames_travel(store, laptop.service.user, False)
        keep(laptop, tmp_path, proc_id, "specimen_clear", 8)
        files.append(laptop.export(proc_id))
        central = make_central(tmp_path, laptop)
        central_import.CentralImporter(central, data_manager(central)).import_paths(files)
        central.close()
    finally:
        laptop.service.store.close()
    return tmp_path / "central.sqlite"


def test_the_frames_tab_lists_every_frame_and_shows_one_that_travelled(open_window, with_frames, qtbot):
    window = open_window(with_frames)
    dialog = open_record(window, qtbot, "MIM-01-001")
    tab = dialog.frames_tab
    dialog.tabs.setCurrentWidget(tab)
    rows = cells(tab.table)
    assert [(row[0], row[5]) for row in rows] == [
        ("1", "travelled"),
        ("2", "stayed at the centre"),
        ("2", "stayed at the centre"),
    ]
    # The event by its words, as the catalogue names it.
    assert rows[0][1].endswith("· Inspection, ICG overlay") and rows[0][4] == "320 × 240"
    tab.table.selectRow(0)
    shown = tab.picture.pixmap()
    assert not shown.isNull() and (shown.width(), shown.height()) == (320, 240)
    assert tab.note.text() == f"Frame {rows[0][2]}, as the centre kept it (masked)."
    # The same frame listed by version 2 is shown from version 1's file, which carried it.
    same = next(i for i, row in enumerate(rows) if i > 0 and row[2] == rows[0][2])
    tab.table.selectRow(same)
    assert not tab.picture.pixmap().isNull()
    never = next(i for i, row in enumerate(rows) if row[2] != rows[0][2])
    tab.table.selectRow(never)
    assert tab.picture.pixmap().isNull()
    assert tab.note.text().startswith("No session file of MIM-01-001 carried the frame")
