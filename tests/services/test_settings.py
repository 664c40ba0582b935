from datetime import timedelta

import pytest

from mimic_desktop.domain.errors import PermissionDenied, ValidationError
from mimic_desktop.services import settings
from mimic_desktop.services.accounts import AccountService


def setting_rows(store) -> list[tuple]:
    return [
        (row["username"], row["entity_id"], row["old_value"], row["new_value"])
        for row in store.conn.execute("SELECT * FROM audit WHERE entity = 'setting' ORDER BY seq")
    ]


def test_icg_window_defaults_to_the_protocol_and_can_be_changed(store, coordinator):
    low, high = settings.icg_window(store)
    assert low < timedelta(hours=24) < high
    assert settings.change(store, coordinator, icg_window_hours=(12, 36.5)) == 1
    assert settings.icg_window(store) == (timedelta(hours=12), timedelta(hours=36.5))
    assert settings.icg_window_text(settings.icg_window(store)) == "12-36.5"
    for wrong in ((30, 20), (-1, 20), (12, 14 * 24 + 1)):
        with pytest.raises(ValidationError, match="from a lower to a higher number of hours"):
            settings.change(store, coordinator, icg_window_hours=wrong)
    assert settings.icg_window_text(settings.icg_window(store)) == "12-36.5"


def test_typed_windows_are_read_or_named(store):
    assert settings.parse_icg_window(" 18-30 ") == (18, 30)
    assert settings.parse_icg_window("20.5-27") == (20.5, 27)
    for typed in ("24", "18 to 30", "-5-10", "a-b"):
        with pytest.raises(ValidationError, match="give the hours from injection to incision as LOW-HIGH"):
            settings.parse_icg_window(typed)


def test_a_change_is_audited_once_in_one_transaction_and_a_bad_one_changes_nothing(store, coordinator):
    assert settings.change(store, coordinator, icg_window_hours=(20, 28), centre_code="04") == 2
    assert setting_rows(store) == [
        ("anna.coord", "icg_window_hours", None, '"20-28"'),
        ("anna.coord", "centre", None, '"04"'),
    ]
    assert settings.change(store, coordinator, icg_window_hours=(20, 28), centre_code="04") == 0
    with pytest.raises(ValidationError, match="must be two digits"):
        settings.change(store, coordinator, icg_window_hours=(10, 40), centre_code="4")
    assert settings.icg_window_text(settings.icg_window(store)) == "20-28" and len(setting_rows(store)) == 2


def test_only_a_coordinator_changes_settings(store, coordinator):
    surgeon = AccountService(store).create_user("sam", "Sam Surgeon", "surgeon", "long enough", by=coordinator)
    with pytest.raises(PermissionDenied):
        settings.change(store, surgeon, centre_code="05")
    refused = store.conn.execute("SELECT username, field FROM audit WHERE entity = 'access'").fetchall()
    assert [tuple(row) for row in refused] == [("sam", "refused")]
    assert settings.centre(store) is None
    settings.change(store, coordinator, centre_code="05")
    assert settings.centre(store) == "05"
