"""The live screen's queue waits and retries only while another program holds the database; a full disk is
refused at once and a bug is raised at once, never retried until the user gives up."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from mimic_desktop.services.write_queue import Write, WriteQueue
from mimic_desktop.storage.errors import DiskFull
from tests.support.storage_faults import page_limit_reached, write_lock_held_by_another_process


def note(service, proc_id: str, text: str) -> Write:
    return Write(
        text, datetime.now(UTC), lambda: service.record_event(proc_id, "note", note=text, at=datetime.now(UTC))
    )


def notes(service, proc_id: str) -> list[str]:
    return [event.note for event in service.load(proc_id).events if event.kind == "note"]


@pytest.fixture
def proc_id(service):
    from tests.support.enrolment import in_surgery

    return in_surgery(service, minutes_ago=5)


def test_a_write_that_meets_another_programs_lock_waits_and_is_stored_once_it_is_free(service, store, proc_id):
    queue = WriteQueue()
    store.wait_for_lock(0)
    with write_lock_held_by_another_process(service):
        outcome = queue.submit(note(service, proc_id, "first"))
        queue.submit(note(service, proc_id, "second"))
        assert (outcome.committed, outcome.refused) == ([], [])
        assert [write.what for write in queue.waiting] == ["first", "second"]
    outcome = queue.retry()
    assert [write.what for write in outcome.committed] == ["first", "second"] and queue.waiting == []
    assert notes(service, proc_id) == ["first", "second"]


def test_a_full_disk_is_refused_at_once_not_retried(service, proc_id):
    queue = WriteQueue()
    with page_limit_reached(service):
        outcome = queue.submit(note(service, proc_id, "x" * 100_000))
    assert queue.waiting == []
    [(write, refusal)] = outcome.refused
    assert write.what.startswith("x") and isinstance(refusal, DiskFull)


def test_a_constraint_error_whose_words_say_locked_is_raised_at_once_not_retried(service, store, proc_id):
    store.conn.execute(
        "CREATE TEMP TRIGGER refuse_notes BEFORE INSERT ON main.events WHEN new.kind = 'note' "
        "BEGIN SELECT RAISE(ABORT, 'database is locked'); END"
    )
    queue = WriteQueue()
    with pytest.raises(sqlite3.IntegrityError, match="database is locked"):
        queue.submit(note(service, proc_id, "refused by a bug"))
    assert queue.waiting == [], "a bug is not kept to be tried again every second"
    store.conn.execute("DROP TRIGGER refuse_notes")
    assert queue.submit(note(service, proc_id, "after")).committed
    assert notes(service, proc_id) == ["after"]
