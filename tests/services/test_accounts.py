import pytest

from mimic_desktop.domain.errors import AuthenticationFailed, PermissionDenied, ValidationError
from mimic_desktop.services.accounts import AccountService


def test_first_account_must_be_a_coordinator(store):
    with pytest.raises(ValidationError, match="first account"):
        AccountService(store).create_user("sam", "Sam Surgeon", "surgeon", "long enough")


def test_passwords_are_stored_as_scrypt_hashes(store, coordinator):
    row = store.read("SELECT pw_hash, pw_salt FROM users WHERE username='anna.coord'")[0]
    assert "correct horse" not in row["pw_hash"] and len(row["pw_hash"]) == 64
    accounts = AccountService(store)
    assert accounts.sign_in("Anna.Coord", "correct horse").username == "anna.coord"
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in("anna.coord", "wrong")
    with pytest.raises(AuthenticationFailed):
        accounts.sign_in("nobody", "correct horse")


def test_only_coordinators_add_accounts(store, coordinator):
    accounts = AccountService(store)
    surgeon = accounts.create_user("sam", "Sam Surgeon", "surgeon", "long enough", by=coordinator)
    with pytest.raises(PermissionDenied, match="coordinator"):
        accounts.create_user("eve", "Eve", "coordinator", "long enough", by=surgeon)
    with pytest.raises(ValidationError, match="taken"):
        accounts.create_user("sam", "Sam Again", "surgeon", "long enough", by=coordinator)
    with pytest.raises(ValidationError, match="at least 10"):
        accounts.create_user("tim", "Tim", "surgeon", "short", by=coordinator)
