import pytest

from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.signing import SigningService
from tests.support.signers import make_surgeon_of_record

SURGEON_PASSWORD = "steady hands 42"


@pytest.fixture
def surgeon(store, coordinator):
    return AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator)


@pytest.fixture
def answered(store, service, recorded, surgeon):
    """The recorded procedure with every questionnaire item answered on the word of its surgeon of record, who
    confirmed each answer."""
    service.set_values(recorded, DEMO_QUESTIONNAIRE | {"q_comments": "Clear rim around lesion 1."})
    make_surgeon_of_record(store, recorded, surgeon)
    SigningService(store, surgeon).confirm_answers(recorded)
    return recorded
