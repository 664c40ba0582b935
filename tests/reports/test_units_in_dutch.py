"""The Dutch summary prints each unit in Dutch, from the same definition as the forms."""

from mimic_desktop.services.documents import write_summary_pdf

from .conftest import flat, read_pdf


def test_the_dutch_summary_prints_dutch_units(service, recorded, tmp_path):
    stay = service.load(recorded).get("hospital_stay_days")
    write_summary_pdf(service, recorded, tmp_path / "nl.pdf", lang="nl")
    text = flat(" ".join(read_pdf(tmp_path / "nl.pdf")[0]))
    assert f"{stay} dagen" in text and "0 dagen" in text
    assert " jaar" in text
    assert " days" not in text and " years" not in text
