"""Completing a record is saved even when the automatic backup after it cannot be made, and the person is told so."""

from __future__ import annotations

import pytest

from mimic_desktop.domain import derive
from mimic_desktop.services.backups import BackupFailed
from tests.support.record_window import open_record


@pytest.fixture
def no_backup_folder(db_path):
    """A file where the backups folder should be, so no backup can be written."""
    (db_path.parent / "backups").write_text("in the way")


def test_a_failed_backup_says_the_record_is_complete_and_why_the_copy_is_missing(service, recorded, no_backup_folder):
    with pytest.raises(BackupFailed) as failure:
        service.complete(recorded)
    message = str(failure.value)
    assert message.startswith("MIM-01-001 is complete and locked, and that is saved.")
    assert "Cannot write a backup into" in message and "The next completion tries again." in message
    assert service.load(recorded).locked


def test_the_completion_page_shows_the_record_completed_and_the_backup_problem(
    make_window, store, coordinator, service, recorded, actions, shown_errors, no_backup_folder
):
    window = open_record(make_window, store, coordinator, recorded)
    completion = window.record.show_page("completion")
    actions.click(completion.complete_button)
    assert len(shown_errors) == 1 and "is complete and locked, and that is saved" in shown_errors[0]
    shown_errors.clear()
    assert derive.status(service.load(recorded)) is derive.Status.COMPLETE
    assert "Completed and locked" in completion.summary.text()
    assert "Complete" in window.record.heading.text()
