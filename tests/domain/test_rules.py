import pytest

from mimic_desktop.domain import rules
from mimic_desktop.domain.errors import ValidationError


@pytest.mark.parametrize("bad", ["MIM-1-001", "MIM-01-01", "XYZ-01-001", "", "MIM-01-0011"])
def test_study_id_format(bad):
    with pytest.raises(ValidationError, match="MIM-CC-NNN"):
        rules.check_study_id(bad)


def test_study_id_is_normalised_and_must_match_the_centre():
    assert rules.check_study_id(" mim-03-017 ", "03") == "MIM-03-017"
    with pytest.raises(ValidationError, match="belongs to centre 03"):
        rules.check_study_id("MIM-03-017", "04")


def test_centre_code():
    with pytest.raises(ValidationError, match="two digits"):
        rules.check_centre("3")
