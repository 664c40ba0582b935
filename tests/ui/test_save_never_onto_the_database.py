"""The app's save dialogs never write onto the open database or into its backups: the refusal is said,
in the app's language, and nothing is written."""

from __future__ import annotations

import os

import pytest
from PySide6.QtWidgets import QFileDialog

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.storage import audit
from tests.support.record_window import open_record
from tests.support.signers import sign_as

SURGEON = "steady hands 42"


def choose(path):
    def respond(dialog: QFileDialog) -> None:
        # The person has already said yes to Qt's "replace the file?" question.
        dialog.setOption(QFileDialog.Option.DontConfirmOverwrite, True)
        dialog.selectFile(str(path))
        dialog.accept()

    return respond


@pytest.mark.parametrize("disguise", ["database", "hard link", "symlink"])
def test_the_pdf_is_not_saved_over_the_database(
    make_window, store, coordinator, recorded, actions, shown_errors, disguise
):
    db = store.path
    target = {"database": db, "hard link": db.with_name("summary.pdf"), "symlink": db.with_name("link.pdf")}[disguise]
    if disguise == "hard link":
        os.link(db, target)
    elif disguise == "symlink":
        target.symlink_to(db)
    window = open_record(make_window, store, coordinator, recorded)
    page = window.record.show_page("documents")
    actions.answer_dialog(lambda: window.findChild(QFileDialog), choose(target))
    actions.click(page.print_button)
    assert not window.tasks, "nothing was started"
    assert len(shown_errors) == 1 and "Nothing was written" in shown_errors[0] and str(db) in shown_errors[0]
    shown_errors.clear()
    assert target.read_bytes().startswith(b"SQLite format 3\x00")
    assert audit.check(store.conn).ok and window.context.procedures().load(recorded).events


def test_the_refusal_is_in_dutch_in_the_dutch_app(make_window, store, coordinator, recorded, actions, shown_errors):
    window = open_record(make_window, store, coordinator, recorded, lang="nl")
    page = window.record.show_page("documents")
    actions.answer_dialog(lambda: window.findChild(QFileDialog), choose(store.path))
    actions.click(page.print_button)
    assert len(shown_errors) == 1 and shown_errors[0].startswith("Er is niets geschreven"), shown_errors
    shown_errors.clear()


def test_no_export_goes_into_the_backups_folder(
    make_window, store, service, coordinator, recorded, actions, shown_errors
):
    surgeon = AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON, by=coordinator)
    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    sign_as(store, surgeon, recorded, SURGEON)
    service.complete(recorded)  # takes a backup
    folder = store.path.parent / "backups"
    before = sorted(folder.iterdir())
    window = open_record(make_window, store, coordinator, recorded)
    panel = window.record.show_page("documents").session_export
    actions.answer_dialog(lambda: next(d for d in window.findChildren(QFileDialog) if d.isVisible()), choose(folder))
    actions.click(panel.export_button)
    assert not window.tasks
    assert len(shown_errors) == 1 and "backups folder" in shown_errors[0]
    shown_errors.clear()
    assert sorted(folder.iterdir()) == before
