"""Another program holding the database: the live screen keeps each action with its moment and retries it;
a second copy of the app on the same database is refused at start."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from mimic_desktop.domain.clock import from_iso
from mimic_desktop.ui import app as app_module
from mimic_desktop.ui import instance_lock
from tests.support.enrolment import in_surgery
from tests.support.storage_faults import write_lock_held_by_another_process


@pytest.fixture
def live(make_window, store, coordinator, service):
    proc_id = in_surgery(service, ("incision", "lesion_found", "transection_start"), minutes_ago=5)
    window = make_window(store, coordinator)
    window.open_procedure(proc_id)
    return window


def stored(service, proc_id) -> list[tuple[str, str]]:
    return [(e.kind, e.at) for e in service.load(proc_id).live_events()]


def test_events_pressed_while_another_program_writes_are_kept_and_stored_in_order(live, service, actions, qtbot):
    screen, proc_id = live.live, live.proc_id
    before = stored(service, proc_id)
    with write_lock_held_by_another_process(service):
        actions.key(screen, Qt.Key.Key_F)
        actions.key(screen, Qt.Key.Key_A)
        waiting = screen.writes.waiting
        assert [write.what for write in waiting] == ["Fluorescence in transection plane", "Plane adapted"]
        assert stored(service, proc_id) == before, "nothing stored while the other program writes"
        assert live.saved.state == "waiting"
        assert screen.waiting_bar.isVisible() and "retrying" in screen.waiting_bar.text.text()
        rows = [screen.timeline.tree.topLevelItem(i) for i in range(screen.timeline.tree.topLevelItemCount())]
        assert [row.text(3) for row in rows[-2:]] == ["Not saved yet: database in use, retrying"] * 2
        moments = [write.moment for write in waiting]
    qtbot.waitUntil(lambda: not screen.writes.waiting, timeout=10_000)
    after = stored(service, proc_id)
    assert [kind for kind, _at in after[len(before) :]] == ["plane_fluorescence", "plane_adapted"]
    assert [from_iso(at) for _kind, at in after[len(before) :]] == moments, "each at the moment of its key press"
    assert live.saved.state == "saved" and not screen.waiting_bar.isVisible()


def test_giving_up_on_waiting_actions_says_so_and_stores_none(live, service, actions, qtbot, monkeypatch):
    from mimic_desktop.ui import dialogs

    screen, proc_id = live.live, live.proc_id
    before = stored(service, proc_id)
    asked = []
    monkeypatch.setattr(dialogs, "ask_yes_no", lambda _parent, name, text: asked.append(text) or True)
    with write_lock_held_by_another_process(service):
        actions.key(screen, Qt.Key.Key_F)
        actions.click(screen.waiting_bar.give_up)
        assert len(asked) == 1 and "Fluorescence in transection plane" in asked[0]
        assert screen.writes.waiting == [] and not screen.waiting_bar.isVisible()
        assert live.saved.state == "failed" and "given up" in live.saved.text()
    qtbot.wait(50)
    assert stored(service, proc_id) == before


def test_closing_with_actions_waiting_asks_first(live, service, actions, discard_asked):
    screen = live.live
    with write_lock_held_by_another_process(service):
        actions.key(screen, Qt.Key.Key_F)
        discard_asked.answer = False
        assert not live.close(), "the window stays while an action waits"
        assert len(discard_asked) == 1 and "Fluorescence in transection plane" in discard_asked[0][0]
        assert screen.writes.waiting
        discard_asked.answer = True


_HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from mimic_desktop.ui import instance_lock
    lock = instance_lock.hold(Path(sys.argv[1]))
    print("holding", flush=True)
    sys.stdin.read()
    """
)


def test_a_second_copy_on_the_same_database_is_refused_and_a_dead_copys_lock_is_taken_over(
    ui_app, tmp_path, shown_errors
):
    path = tmp_path / "mimic.sqlite"
    other = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert other.stdout.readline().strip() == "holding"
        try:
            assert app_module.run_app(path, lang="en") == 1
        finally:
            sys.excepthook = sys.__excepthook__
        assert len(shown_errors) == 1 and "already open in another MIMIC Desktop window" in shown_errors.pop()
        assert not path.exists(), "the refused copy did not touch the database"
    finally:
        other.kill()  # as a crash would: its lock file stays behind
        other.wait(timeout=60)
        other.stdout.close()
        other.stdin.close()
    assert instance_lock.lock_path(path).exists()
    lock = instance_lock.hold(path)
    assert lock is not None
    lock.unlock()
