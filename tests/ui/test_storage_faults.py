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
        window.close()
    assert stored_events(path) == before
    assert len(shown_errors) == 1
    message = shown_errors.pop()
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
        assert window.saved.text() == (
            f"✖ Niet opgeslagen: De database {service.store.path} is alleen-lezen, dus deze wijziging is niet "
            "opgeslagen. Controleer de rechten van het bestand of kopieer het naar een map waarin geschreven kan "
            "worden. Niets van wat eerder is opgeslagen, is verloren gegaan."
        )
        window.close()
    assert len(shown_errors) == 1
    shown_errors.clear()
