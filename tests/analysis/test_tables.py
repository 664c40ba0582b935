"""Reading the flat tables' columns: the same values whether they come as Python values, 0/1 or text."""

from __future__ import annotations

import pandas as pd
import pytest

from mimic_desktop.analysis.tables import ReportInputError, flag, number, text


def test_text_is_stripped_and_empty_text_is_missing():
    read = text(pd.Series([" crlm ", "", None, "benign", "crlm"], name="histology"))
    assert read.dtype == "string" and read.name == "histology"
    assert read.tolist() == ["crlm", pd.NA, pd.NA, "benign", "crlm"]


@pytest.mark.parametrize(
    "values",
    [
        [True, False, None, True],
        [1, 0, None, 1],
        [1.0, 0.0, float("nan"), 1.0],
        ["Yes", " no", " ", "TRUE"],
        pd.array([True, False, None, True], dtype="boolean"),
    ],
)
def test_a_flag_reads_booleans_numbers_and_words_alike(values):
    read = flag(pd.Series(values, name="late"), "complications")
    assert read.dtype == "boolean"
    assert read.tolist() == [True, False, pd.NA, True]


def test_an_unreadable_flag_is_named_with_how_often_it_occurs():
    with pytest.raises(ReportInputError, match=r"lesions\.plane_adapted holds 'maybe' \(2 value\(s\) like it\)"):
        flag(pd.Series(["maybe", "yes", "maybe"], name="plane_adapted"), "lesions")


def test_numbers_are_floats_with_missing_as_nan():
    read = number(pd.Series(["3", " 2.5 ", "", None, 4], name="mc_plane_adapted"), "procedures")
    assert read.dtype == float
    assert read.tolist()[:2] == [3.0, 2.5] and read.isna().tolist() == [False, False, True, True, False]
    assert read.iloc[4] == 4.0


def test_an_unreadable_number_is_named_with_how_often_it_occurs():
    with pytest.raises(ReportInputError, match=r"procedures\.icu_days holds 'two' \(2 value\(s\) like it\)"):
        number(pd.Series(["two", "1", "two"], name="icu_days"), "procedures")
