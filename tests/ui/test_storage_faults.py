"""A storage fault during surgery, seen from the live screen: the plain message, 'not saved', and nothing lost."""

from __future__ import annotations

import pytest

from mimic_desktop.storage.connection import open_store
from tests.support.enrolment import ENROLMENT
from tests.support.storage_faults import read_only_file, stored_events

# Another program's write lock is not refused but waited out: tests/ui/test_live_database_in_use.py.
FAULTS = {
    "read-only file": (read_only_file, "is read-only, so this change was not saved"),
}


@pytest.mark.parametrize("name", FAULTS)
def test_an_event_click_during_a_fault_is_refused_plainly_and_saved_after(
    name, make_window, service, actions, shown_errors
):
    fault, words = FAULTS[name]
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    path = service.store.path
    before = stored_events(path)
    with fault(service) as faulty:
        window = make_window(faulty.store, faulty.user)
        window.open_procedure(proc_id)
        actions.click(window.live.buttons.buttons["incision"])
        assert window.saved.state == "failed"
        assert window.saved.text().startswith("✖ Not saved: ")
        message = window.live.notice.text()  # said in place: no dialog takes the next keys
        window.close()
    assert stored_events(path) == before
    assert shown_errors == []
    assert words in message and str(path) in message
    assert "Nothing that was saved before has been lost." in message and "Traceback" not in message

    store = open_store(path)  # the fault is gone: the same click saves
    window = make_window(store, service.user)
    window.open_procedure(proc_id)
    actions.click(window.live.buttons.buttons["incision"])
    assert window.saved.state == "saved"
    assert len(stored_events(path) - before) == 1
    window.close()
    store.close()


def test_the_dutch_live_screen_says_a_storage_fault_in_dutch(ui_app, make_window, service, actions, shown_errors):
    from mimic_desktop.ui import i18n

    i18n.install(ui_app, "nl")
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    with read_only_file(service) as faulty:
        window = make_window(faulty.store, faulty.user, lang="nl")
        window.open_procedure(proc_id)
        actions.click(window.live.buttons.buttons["incision"])
        path = service.store.path
        assert window.saved.text() == (
            f"✖ Niet opgeslagen: De database {path} is alleen-lezen, dus deze wijziging is niet opgeslagen: het "
            f"bestand {path} is alleen-lezen. Hij kan nog gelezen worden; kopieer hem naar een map waarin geschreven "
            "kan worden of vraag IT om hem schrijfbaar te maken om erin te werken. Niets van wat eerder is "
            "opgeslagen, is verloren gegaan."
        )
        # Said in place on the live screen, in Dutch, without a dialog that would take the next keys.
        assert "alleen-lezen" in window.live.notice.text()
        window.close()
    assert shown_errors == []


def test_an_event_click_after_the_database_was_moved_is_refused_and_every_saved_event_rescued(
    make_window, service, actions, shown_errors, tmp_path
):
    proc_id = service.create("MIM-03-001", "03", ENROLMENT)
    window = make_window(service.store, service.user)
    window.open_procedure(proc_id)
    actions.click(window.live.buttons.buttons["incision"])
    assert window.saved.state == "saved"
    saved = stored_events(service.store.path)
    path = service.store.path
    for side in ("", "-wal", "-shm"):  # moved away while the app runs, as a file manager would
        source = path.with_name(path.name + side)
        if source.exists():
            source.rename(tmp_path / f"moved.sqlite{side}")
    actions.click(window.live.buttons.buttons["ious"])
    assert window.saved.state == "failed" and window.saved.text().startswith("✖ Not saved: ")
    assert shown_errors == []
    message = window.live.notice.text()  # said in place: no dialog takes the next keys
    rescued = service.store.rescued
    assert rescued is not None and str(rescued) in message and "was moved, deleted or replaced" in message
    assert stored_events(rescued) == saved, "the rescue copy holds every event the screen said was saved"
    window.close()
