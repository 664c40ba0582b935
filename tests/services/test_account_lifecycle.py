"""A coordinator's work on accounts and a person's own password, each step in the audit trail and checked by verify."""

from __future__ import annotations

import pytest

from mimic_desktop.domain.errors import AuthenticationFailed, PermissionDenied, ValidationError
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.storage import audit

SURGEON_PASSWORD = "steady hands 42"


@pytest.fixture
def accounts(store):
    return AccountService(store)


@pytest.fixture
def surgeon(accounts, coordinator):
    return accounts.create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator)


def user_rows(store, username: str, field: str) -> list:
    return store.read(
        "SELECT old_value, new_value, username, reason FROM audit WHERE entity='user' AND entity_id=? AND field=?"
        " ORDER BY seq",
        (username, field),
    )


def test_a_new_account_has_every_column_in_the_trail(store, surgeon):
    fields = {row["field"] for row in store.read("SELECT field FROM audit WHERE entity_id='sam.surgeon'")}
    columns = {row["name"] for row in store.read("PRAGMA table_info(users)")} - {"username"}
    assert columns <= fields and {"pw_hash", "pw_salt", "pw_cost"} <= fields
    assert audit.check(store.conn).ok


def test_one_changes_ones_own_password_and_the_new_hash_is_audited(store, accounts, surgeon):
    before = store.read("SELECT pw_hash FROM users WHERE username='sam.surgeon'")[0]["pw_hash"]
    accounts.change_password("sam.surgeon", SURGEON_PASSWORD, "a much longer secret")
    after = store.read("SELECT pw_hash FROM users WHERE username='sam.surgeon'")[0]["pw_hash"]
    assert after != before
    last = user_rows(store, "sam.surgeon", "pw_hash")[-1]
    assert audit.decode(last["new_value"]) == after and last["username"] == "sam.surgeon"
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in("sam.surgeon", SURGEON_PASSWORD)
    assert accounts.sign_in("sam.surgeon", "a much longer secret").username == "sam.surgeon"
    assert audit.check(store.conn).ok


@pytest.mark.parametrize(
    ("new", "words"),
    [
        ("short", "at least 10"),
        (" " * 12, "only spaces"),
        ("\t \n " * 4, "only spaces"),
        ("Password123", "most common"),
        ("1234567890", "most common"),
        ("  qwertyuiop ", "most common"),
        ("sam.surgeon", "user name"),
        (SURGEON_PASSWORD, "differ"),
    ],
)
def test_a_weak_new_password_is_refused_with_its_reason(store, accounts, surgeon, new, words):
    before = len(store.read("SELECT seq FROM audit"))
    with pytest.raises(ValidationError, match=words):
        accounts.change_password("sam.surgeon", SURGEON_PASSWORD, new)
    assert accounts.sign_in("sam.surgeon", SURGEON_PASSWORD).username == "sam.surgeon"
    assert len(store.read("SELECT seq FROM audit")) == before  # nothing changed, no row


def test_the_policy_speaks_dutch(store, coordinator):
    with pytest.raises(ValidationError, match="minstens 10 tekens"):
        AccountService(store, lang="nl").create_user("tim", "Tim", "monitor", "kort", by=coordinator)


def test_a_reset_gives_a_temporary_password_that_must_be_changed(store, accounts, coordinator, surgeon):
    temporary = accounts.reset_password(coordinator, "sam.surgeon")
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in("sam.surgeon", SURGEON_PASSWORD)
    user = accounts.sign_in("sam.surgeon", temporary)
    assert user.must_change_password
    assert [audit.decode(r["new_value"]) for r in user_rows(store, "sam.surgeon", "must_change_password")][-1] == 1
    changed = accounts.change_password("sam.surgeon", temporary, "my own new secret")
    assert not changed.must_change_password
    assert not accounts.sign_in("sam.surgeon", "my own new secret").must_change_password
    assert audit.check(store.conn).ok


def test_only_a_coordinator_resets_and_never_their_own(store, accounts, coordinator, surgeon):
    with pytest.raises(PermissionDenied):
        accounts.reset_password(surgeon, "anna.coord")
    refused = store.read("SELECT new_value FROM audit WHERE entity='access' AND username='sam.surgeon'")
    assert refused  # the refused attempt is in the trail
    with pytest.raises(ValidationError, match="Change my password"):
        accounts.reset_password(coordinator, "anna.coord")


def test_deactivated_accounts_cannot_sign_in_until_reactivated(store, accounts, coordinator, surgeon):
    accounts.deactivate(coordinator, "sam.surgeon")
    assert "sam.surgeon" not in [u.username for u in accounts.users()]
    assert [a.active for a in accounts.accounts() if a.username == "sam.surgeon"] == [False]
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in("sam.surgeon", SURGEON_PASSWORD)
    accounts.reactivate(coordinator, "sam.surgeon")
    assert accounts.sign_in("sam.surgeon", SURGEON_PASSWORD).username == "sam.surgeon"
    assert [audit.decode(r["new_value"]) for r in user_rows(store, "sam.surgeon", "active")] == [1, 0, 1]
    assert audit.check(store.conn).ok


def test_the_last_coordinator_stays_and_no_one_changes_their_own_role(store, accounts, coordinator, surgeon):
    with pytest.raises(ValidationError, match="own account"):
        accounts.deactivate(coordinator, "anna.coord")
    with pytest.raises(ValidationError, match="own role"):
        accounts.set_role(coordinator, "anna.coord", "monitor")
    second = accounts.create_user("bea.coord", "Bea Coordinator", "coordinator", "another secret", by=coordinator)
    accounts.set_role(second, "anna.coord", "monitor")
    with pytest.raises(PermissionDenied, match="monitor"):
        accounts.set_role(coordinator, "bea.coord", "monitor")  # anna is a monitor now, though signed in before
    with pytest.raises(ValidationError, match="own role"):
        accounts.set_role(second, "bea.coord", "monitor")
    assert accounts.sign_in("anna.coord", "correct horse").role.value == "monitor"
    roles = [audit.decode(r["new_value"]) for r in user_rows(store, "anna.coord", "role")]
    assert roles == ["coordinator", "monitor"]
    assert audit.check(store.conn).ok


def test_full_names_of_signers_are_unique(store, accounts, coordinator, surgeon):
    with pytest.raises(ValidationError, match="already called"):
        accounts.create_user("s.snijder", "  sam   SNIJDER ", "surgeon", "yet another one", by=coordinator)
    monitor = accounts.create_user("s.snijder", "Sam Snijder", "monitor", "yet another one", by=coordinator)
    with pytest.raises(ValidationError, match="already called"):
        accounts.set_role(coordinator, monitor.username, "surgeon")
    accounts.deactivate(coordinator, "sam.surgeon")  # a leaver's signatures still name them
    with pytest.raises(ValidationError, match="already called"):
        accounts.set_role(coordinator, monitor.username, "surgeon")


@pytest.mark.parametrize(
    ("username", "full_name", "words"),
    [
        ("=cmd", "Eve", "letters, digits"),
        ("eve\x00", "Eve", "letters, digits"),
        ("e" * 65, "Eve", "at most 64"),
        ("eve", "Eve\x07 Bell", "control characters"),
        ("eve", "E" * 121, "at most 120"),
        ("eve", "   ", "full name"),
    ],
)
def test_odd_names_are_refused_plainly(store, accounts, coordinator, username, full_name, words):
    with pytest.raises(ValidationError, match=words):
        accounts.create_user(username, full_name, "monitor", "a fine long secret", by=coordinator)
    assert [a.username for a in accounts.accounts()] == ["anna.coord"]


def test_a_huge_password_is_refused_before_it_is_hashed(store, accounts, coordinator):
    with pytest.raises(ValidationError, match="at most 1000"):
        accounts.create_user("eve", "Eve", "monitor", "x" * 10**6, by=coordinator)
