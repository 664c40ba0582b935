"""What the domain says to a person exists in Dutch too: units, checks of typed values, study IDs, eligibility, roles."""

from __future__ import annotations

import json
import shutil

import pytest

from mimic_desktop.domain import derive, forms, rules, values
from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.domain.roles import LAPTOP_ROLES


def test_every_unit_is_given_in_both_languages():
    with_units = [fdef for fdef in forms.all_fields().values() if fdef.unit]
    assert len(with_units) >= 10
    for fdef in with_units:
        assert set(fdef.units) == set(forms.LANGUAGES), fdef.name
    assert forms.field_def("age").unit_text("nl") == "jaar"
    assert forms.field_def("disease_free_interval_months").unit_text("nl") == "maanden"
    assert forms.field_def("hospital_stay_days").unit_text("nl") == "dagen"
    assert forms.field_def("hospital_stay_days").unit == "days", "the exports name a unit in English"


def test_a_unit_in_one_language_only_is_refused(tmp_path, monkeypatch):
    folder = tmp_path / "forms"
    shutil.copytree(forms.forms_dir(), folder)
    crf = json.loads((folder / "crf.json").read_text(encoding="utf-8"))
    postop = next(s for s in crf["sections"] if s["name"] == "postop")
    postop["fields"][0]["unit"] = "days"
    (folder / "crf.json").write_text(json.dumps(crf), encoding="utf-8")
    monkeypatch.setenv("MIMIC_FORMS_DIR", str(folder))
    monkeypatch.setenv("MIMIC_DEVELOPMENT", "1")
    forms.crf.cache_clear()
    try:
        with pytest.raises(ValueError, match="icu_days: give its unit in each language"):
            forms.crf()
    finally:
        forms.crf.cache_clear()


def test_values_are_shown_with_the_unit_of_the_readers_language():
    assert values.display(forms.field_def("hospital_stay_days"), 4, "nl") == "4 dagen"
    assert values.display(forms.field_def("hospital_stay_days"), 4, "en") == "4 days"
    assert values.display(forms.field_def("margin_mm"), 0.5, "nl") == "0.5 mm"


@pytest.mark.parametrize(
    ("name", "typed", "english", "dutch"),
    [
        ("cea", "abc", "Serum CEA: 'abc' is not a number", "Serum CEA: 'abc' is geen getal"),
        ("age", "130", "Age: 130 years is above the highest", "Leeftijd: 130 jaar is hoger dan de hoogste"),
        ("icu_days", "-1", "ICU stay: cannot be negative (got -1 days)", "IC-opname: kan niet negatief zijn (-1 dagen"),
        ("age", "64.5", "Age: 64.5 is not a whole number", "Leeftijd: 64.5 is geen geheel getal"),
        ("consent_date", "24-11-2026", "is not a date (YYYY-MM-DD)", "is geen datum (JJJJ-MM-DD)"),
        ("surgeon", "x" * 81, "too long (81 characters, at most 80)", "te lang (81 tekens, hoogstens 80)"),
    ],
)
def test_a_wrong_value_is_named_in_the_readers_language(name, typed, english, dutch):
    fdef = forms.field_def(name)
    for lang, words in (("en", english), ("nl", dutch)):
        with pytest.raises(ValidationError) as refused:
            values.normalise(fdef, typed, lang)
        assert words in str(refused.value)


def test_study_id_and_centre_checks_speak_dutch():
    with pytest.raises(ValidationError, match="heeft niet de vorm MIM-CC-NNN"):
        rules.check_study_id("MIM-3-1", lang="nl")
    with pytest.raises(ValidationError, match="hoort bij centrum 03, maar deze laptop staat ingesteld op centrum 04"):
        rules.check_study_id("MIM-03-001", "04", "nl")
    with pytest.raises(ValidationError, match="moet uit twee cijfers bestaan"):
        rules.check_centre("3", "nl")


def test_an_unmet_criterion_ends_in_the_readers_yes_or_no():
    proc = rules.draft({"iodine_or_icg_allergy": True, "oral_consent": False})
    assert derive.eligibility_failures(proc, "nl") == [
        "Allergie voor jodium of eerdere reactie op ICG: ja",
        "Mondelinge informed consent gegeven: nee",
    ]
    assert derive.eligibility_failures(proc, "en")[0].endswith(": yes")


def test_role_names_in_both_languages():
    assert [role.text("nl") for role in LAPTOP_ROLES] == ["coördinator", "chirurg", "monitor"]
    assert [role.text("en") for role in LAPTOP_ROLES] == ["coordinator", "surgeon", "monitor"]
