import pytest

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE

SURGEON_PASSWORD = "steady hands 42"


@pytest.fixture
def surgeon(store, coordinator):
    return AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator)


@pytest.fixture
def answered(service, recorded):
    """The recorded procedure with every questionnaire item answered."""
    service.set_values(recorded, DEMO_QUESTIONNAIRE | {"q_comments": "Clear rim around lesion 1."})
    return recorded
