"""Every edit of any column, deletion or insertion of an audit row is found by verify."""

import pytest

from mimic_desktop.domain.errors import PermissionDenied
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.procedures import ProcedureService
from tests.support.tampering import COLUMNS, found, tamper_everywhere, tamperable_copy


@pytest.fixture
def pristine(service, recorded, db_path, coordinator):
    """A completed record changed with a reason, and last a monitor's refused attempt, which changes no data:
    deleting that last row leaves nothing behind in the data, only in SQLite's record of the highest seq."""
    service.complete(recorded)
    service.set_value(recorded, "cea", 8.0, reason="lab corrected")
    monitor = AccountService(service.store).create_user("mo.nitor", "Mo", "monitor", "monitor-pass", by=coordinator)
    with pytest.raises(PermissionDenied):
        ProcedureService(service.store, monitor).set_value(recorded, "cea", 9.0)
    return tamperable_copy(db_path)


def test_the_untouched_trail_verifies(pristine):
    assert not found(pristine)


def test_every_edit_deletion_and_insertion_is_found(pristine):
    report = tamper_everywhere(pristine)
    assert report.rows > 50
    assert report.cases == {"edit": report.rows * len(COLUMNS), "delete": report.rows, "insert": report.rows}
    assert report.missed == []
