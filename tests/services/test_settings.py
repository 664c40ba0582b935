from datetime import timedelta

import pytest

from mimic_desktop.domain.errors import PermissionDenied, ValidationError
from mimic_desktop.services import settings
from mimic_desktop.services.accounts import AccountService


def test_icg_window_defaults_to_the_protocol_and_can_be_changed(store, coordinator):
    low, high = settings.icg_window(store)
    assert low < timedelta(hours=24) < high
    settings.set_icg_window(store, coordinator, 12, 36)
    assert settings.icg_window(store) == (timedelta(hours=12), timedelta(hours=36))
    with pytest.raises(ValidationError):
        settings.set_icg_window(store, coordinator, 30, 20)


def test_only_a_coordinator_changes_settings(store, coordinator):
    surgeon = AccountService(store).create_user("sam", "Sam Surgeon", "surgeon", "long enough", by=coordinator)
    with pytest.raises(PermissionDenied):
        settings.set_centre(store, surgeon, "05")
    settings.set_centre(store, coordinator, "05")
    assert settings.centre(store) == "05"
