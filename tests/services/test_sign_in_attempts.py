"""Failed sign-ins: each one in the audit trail; five in a row make the account wait, longer each time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from mimic_desktop.domain.errors import AuthenticationFailed
from mimic_desktop.services.accounts import AccountService, AccountWaits, wait_after
from mimic_desktop.storage import audit

START = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)


class Clock:
    """A clock the test moves on by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def accounts(store, coordinator, clock):
    return AccountService(store, clock=clock)


def failures(store) -> list[dict]:
    rows = store.read("SELECT at_utc, username, entity_id, new_value FROM audit WHERE entity='sign_in' ORDER BY seq")
    return [dict(row) | {"new": audit.decode(row["new_value"])} for row in rows]


def test_five_wrong_passwords_leave_five_rows_and_a_waiting_account(store, accounts, clock):
    for attempt in range(4):
        with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
            accounts.sign_in("anna.coord", f"wrong guess {attempt}")
    with pytest.raises(AccountWaits, match="waits until"):
        accounts.sign_in("anna.coord", "wrong guess 5")
    rows = failures(store)
    assert len(rows) == 5
    assert {row["entity_id"] for row in rows} == {"anna.coord"}
    assert {row["new"]["where"] for row in rows} == {"app"}
    assert rows[0]["at_utc"] == START.isoformat(timespec="microseconds")
    account = accounts.account("anna.coord")
    assert account.failed_sign_ins == 5
    assert account.waits_until_utc == (START + timedelta(seconds=30)).isoformat(timespec="microseconds")
    # While it waits, even the right password is refused, and that attempt is kept too.
    with pytest.raises(AccountWaits):
        accounts.sign_in("anna.coord", "correct horse")
    assert len(failures(store)) == 6
    clock.now += timedelta(seconds=31)
    assert accounts.sign_in("anna.coord", "correct horse").username == "anna.coord"
    assert accounts.account("anna.coord").failed_sign_ins == 0
    assert audit.check(store.conn).ok


def test_the_wait_grows_with_each_further_failure(store, accounts, clock):
    assert [wait_after(n).total_seconds() for n in range(4, 9)] == [0, 30, 60, 120, 240]
    assert wait_after(40) == timedelta(hours=1)
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.sign_in("anna.coord", "not it at all")
    clock.now += timedelta(seconds=31)
    with pytest.raises(AccountWaits):
        accounts.sign_in("anna.coord", "still not it")
    assert accounts.account("anna.coord").waits_until_utc == (clock.now + timedelta(seconds=60)).isoformat(
        timespec="microseconds"
    )


def test_a_coordinator_releases_a_waiting_account(store, accounts, coordinator):
    surgeon = accounts.create_user("sam.surgeon", "Sam Snijder", "surgeon", "steady hands 42", by=coordinator)
    for _ in range(5):
        with pytest.raises(AuthenticationFailed):
            accounts.sign_in(surgeon.username, "not the one", where="command line")
    assert {row["new"]["where"] for row in failures(store)} == {"command line"}
    accounts.release(coordinator, surgeon.username)
    assert accounts.sign_in(surgeon.username, "steady hands 42").username == surgeon.username
    assert audit.check(store.conn).ok


def test_an_unknown_name_is_kept_as_typed_and_makes_no_account(store, accounts):
    tried = "=cmd|' /C calc'!A0\x07" + "x" * 300
    with pytest.raises(AuthenticationFailed, match="Wrong user name or password"):
        accounts.sign_in(tried, "whatever it is")
    (row,) = failures(store)
    assert row["entity_id"] == tried.strip().lower()[:100]
    assert store.read("SELECT COUNT(*) FROM users")[0][0] == 1
    assert audit.check(store.conn).ok


def test_a_right_password_after_failures_clears_the_count(store, accounts):
    for _ in range(3):
        with pytest.raises(AuthenticationFailed):
            accounts.sign_in("anna.coord", "nope nope nope")
    accounts.sign_in("anna.coord", "correct horse")
    for _ in range(4):
        with pytest.raises(AuthenticationFailed, match="Wrong"):
            accounts.sign_in("anna.coord", "nope nope nope")
    assert accounts.account("anna.coord").waits_until_utc is None


def test_a_read_only_database_signs_in_and_says_plainly_why_a_failure_cannot_be_kept(service, monkeypatch):
    from mimic_desktop.storage import password_hash
    from mimic_desktop.storage.errors import StorageError
    from mimic_desktop.storage.password_hash import Cost
    from tests.support.storage_faults import read_only_file

    with read_only_file(service) as opened:
        accounts = AccountService(opened.store)
        monkeypatch.setattr(password_hash, "CURRENT", Cost(n=64, r=8, p=1))  # an upgrade is due, and cannot be saved
        assert accounts.sign_in("anna.coord", "correct horse").username == "anna.coord"
        with pytest.raises(StorageError, match="read-only"):
            accounts.sign_in("anna.coord", "a wrong password")
