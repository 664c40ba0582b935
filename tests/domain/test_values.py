import pytest

from mimic_desktop.domain import forms, values
from mimic_desktop.domain.errors import ValidationError


def f(name):
    return forms.field_def(name)


def test_every_field_has_both_languages_and_a_known_type():
    for fdef in forms.all_fields().values():
        assert fdef.label["en"] and fdef.label["nl"], fdef.name
        assert fdef.type in forms.FIELD_TYPES
        for choice in fdef.choices:
            assert choice.label["en"] and choice.label["nl"]


def test_numbers_accept_decimal_comma_and_refuse_text():
    assert values.normalise(f("cea"), "12,5") == 12.5
    with pytest.raises(ValidationError, match="Serum CEA: 'abc' is not a number"):
        values.normalise(f("cea"), "abc")


def test_negative_margin_is_refused_with_a_message_naming_the_field():
    with pytest.raises(ValidationError) as caught:
        values.normalise(f("margin_mm"), -0.5)
    assert "Resection margin" in str(caught.value) and "negative" in str(caught.value)
    assert caught.value.field == "margin_mm"


@pytest.mark.parametrize("dose", [0, 0.5, 51, 1000])
def test_implausible_icg_dose_is_refused(dose):
    with pytest.raises(ValidationError, match="ICG dose"):
        values.normalise(f("icg_dose_mg"), dose)


def test_whole_numbers_and_choices():
    assert values.normalise(f("age"), "64") == 64
    with pytest.raises(ValidationError, match="not a whole number"):
        values.normalise(f("age"), 64.5)
    with pytest.raises(ValidationError, match="not one of"):
        values.normalise(f("sex"), "other")
    with pytest.raises(ValidationError, match="not yes or no"):
        values.normalise(f("neoadjuvant_chemo"), "maybe")
    assert values.normalise(f("neoadjuvant_chemo"), "ja") is True


def test_segments_are_ordered_and_checked():
    assert values.normalise(f("segments"), ["VIII", "IVa", "IVa"]) == ["IVa", "VIII"]
    with pytest.raises(ValidationError, match="IX"):
        values.normalise(f("segments"), "II,IX")


def test_dates_and_times():
    assert values.normalise(f("consent_date"), "2026-11-20") == "2026-11-20"
    with pytest.raises(ValidationError, match="not a date"):
        values.normalise(f("consent_date"), "20/11/2026")
    stored = values.normalise(f("icg_given_at"), "2026-11-23T09:00:00+01:00")
    assert stored == "2026-11-23T08:00:00.000000+00:00"


def test_empty_means_not_filled_in():
    assert values.normalise(f("cea"), "  ") is None


def test_free_text_that_looks_like_an_identifier_gets_a_warning():
    fdef = f("q_comments")
    assert values.identifier_warning(fdef, "born 12-03-1961, nr 1234567") is not None
    assert values.identifier_warning(fdef, "Good rim pattern") is None
    assert values.identifier_warning(f("surgeon"), "12-03-1961") is None  # not a free-text field


@pytest.mark.parametrize("typed", ["1e2", "1_000", "inf", "nan", "0x10", "12,5,1", "12.5.1", "--3", "."])
def test_only_plain_numbers_are_numbers(typed):
    with pytest.raises(ValidationError, match="not a number"):
        values.normalise(forms.field_def("cea"), typed)


@pytest.mark.parametrize(("typed", "stored"), [("12", 12.0), ("12.5", 12.5), ("12,5", 12.5), (" 7 ", 7.0), (".5", 0.5)])
def test_plain_numbers_with_a_point_or_a_comma(typed, stored):
    assert values.normalise(forms.field_def("cea"), typed) == stored
