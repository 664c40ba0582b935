"""REDCap: the data dictionary in REDCap's columns and order, and an import CSV that matches it."""

from __future__ import annotations

import csv
import re

import pytest

from mimic_desktop.domain import forms

from .conftest import assert_pseudonymous, decode

# REDCap's data dictionary columns, in REDCap's order (as REDCap's own template lists them).
REDCAP_COLUMNS = [
    "Variable / Field Name",
    "Form Name",
    "Section Header",
    "Field Type",
    "Field Label",
    "Choices, Calculations, OR Slider Labels",
    "Field Note",
    "Text Validation Type OR Show Slider Number",
    "Text Validation Min",
    "Text Validation Max",
    "Identifier?",
    "Branching Logic (Show field only if...)",
    "Required Field?",
    "Custom Alignment",
    "Question Number (surveys only)",
    "Matrix Group Name",
    "Matrix Ranking?",
    "Field Annotation",
]
FIELD_TYPES = {"text", "notes", "dropdown", "radio", "checkbox", "yesno", "truefalse", "calc", "file", "descriptive"}
REPEAT = ("redcap_repeat_instrument", "redcap_repeat_instance")


def read(path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as stream:
        reader = csv.DictReader(stream)
        return list(reader.fieldnames), list(reader)


@pytest.fixture(scope="module")
def export(cohort, tmp_path_factory):
    from mimic_desktop.exchange.redcap import write_redcap

    folder = tmp_path_factory.mktemp("redcap")
    write_redcap(cohort, folder)
    header, fields = read(folder / "mimic_redcap_data_dictionary.csv")
    columns, rows = read(folder / "mimic_redcap_import.csv")
    return folder, header, fields, columns, rows


def test_the_dictionary_has_redcaps_columns_in_order_and_the_record_id_first(export):
    _, header, fields, _, _ = export
    assert header == REDCAP_COLUMNS
    assert fields[0]["Variable / Field Name"] == "record_id"
    assert fields[0]["Form Name"] == fields[1]["Form Name"] == "crf"
    names = [f["Variable / Field Name"] for f in fields]
    assert len(names) == len(set(names))
    for field in fields:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", field["Variable / Field Name"])
        assert re.fullmatch(r"[a-z][a-z0-9_]*", field["Form Name"])
        assert field["Field Type"] in FIELD_TYPES
    forms_in_order = list(dict.fromkeys(f["Form Name"] for f in fields))
    assert forms_in_order == ["crf", "lesion", "complication", "questionnaire"]
    for form in forms_in_order:
        indexes = [i for i, f in enumerate(fields) if f["Form Name"] == form]
        assert indexes == list(range(indexes[0], indexes[-1] + 1)), f"{form} fields are contiguous"


def test_field_types_follow_the_form_definitions(export):
    _, _, fields, _, _ = export
    by_name = {f["Variable / Field Name"]: f for f in fields}
    expected = {
        "age": ("text", "integer", "18", "110"),
        "cea": ("text", "number", "0", "100000"),
        "consent_date": ("text", "date_ymd", "", ""),
        "icg_given_at": ("text", "datetime_seconds_ymd", "", ""),
        "neoadjuvant_chemo": ("yesno", "", "", ""),
        "segments": ("checkbox", "", "", ""),
        "sex": ("radio", "", "", ""),
        "planned_procedure": ("dropdown", "", "", ""),
        "q_usefulness": ("radio", "", "", ""),
        "q_comments": ("notes", "", "", ""),
    }
    for name, (kind, validation, low, high) in expected.items():
        field = by_name[name]
        got = (
            field["Field Type"],
            field["Text Validation Type OR Show Slider Number"],
            field["Text Validation Min"],
            field["Text Validation Max"],
        )
        assert got == (kind, validation, low, high), name
    assert by_name["sex"]["Choices, Calculations, OR Slider Labels"] == "female, Female | male, Male"
    assert by_name["q_usefulness"]["Choices, Calculations, OR Slider Labels"].startswith("1, 1 very poor | 2, 2 poor")
    assert by_name["age"]["Required Field?"] == "y" and by_name["icg_pattern"]["Required Field?"] == ""
    assert by_name["r_status"]["Field Annotation"] == "@READONLY" and by_name["age"]["Field Annotation"] == ""
    assert by_name["age_18_or_over"]["Section Header"] == "Eligibility and consent"


def test_branching_logic_comes_from_the_forms(export):
    _, _, fields, _, _ = export
    by_name = {f["Variable / Field Name"]: f for f in fields}
    assert by_name["r1_type"]["Branching Logic (Show field only if...)"] == "[margin_mm] < 1"
    assert by_name["readmission_planned"]["Branching Logic (Show field only if...)"] == "[readmission] = '1'"
    conditional = {f.name: f.shown_when for f in forms.all_fields().values() if f.shown_when}
    for field in fields:
        name, logic = field["Variable / Field Name"], field["Branching Logic (Show field only if...)"]
        assert bool(logic) == (name in conditional), name
        if logic:
            referenced = by_name[conditional[name].field]
            assert referenced["Form Name"] == field["Form Name"] and f"[{referenced['Variable / Field Name']}]" in logic


def test_every_import_column_is_a_dictionary_field_or_an_expansion_and_back(export):
    _, _, fields, columns, _ = export
    assert columns[:3] == ["record_id", *REPEAT]
    kinds = {f["Variable / Field Name"]: f for f in fields}
    expected = set()
    for name, field in kinds.items():
        if field["Field Type"] == "checkbox":
            codes = [c.split(",")[0].strip() for c in field["Choices, Calculations, OR Slider Labels"].split("|")]
            expected |= {f"{name}___{code.lower()}" for code in codes}
        else:
            expected.add(name)
    instruments = dict.fromkeys(f["Form Name"] for f in fields)
    expected |= {f"{form}_complete" for form in instruments}
    assert set(columns) - set(REPEAT) == expected
    assert len(columns) == len(set(columns))
    sequence = []
    for column in columns[3:]:
        base = column.split("___")[0]
        sequence.append(kinds[base]["Form Name"] if base in kinds else column.removesuffix("_complete"))
    for form in instruments:
        indexes = [i for i, owner in enumerate(sequence) if owner == form]
        assert indexes == list(range(indexes[0], indexes[-1] + 1)), f"{form} columns are contiguous"
        assert columns[3 + indexes[-1]] == f"{form}_complete", "each instrument's status follows its fields"


def test_repeating_lesions_and_complications_in_redcaps_layout(cohort, export):
    _, _, fields, _, rows = export
    form_of = {f["Variable / Field Name"]: f["Form Name"] for f in fields}
    assert [r["record_id"] for r in rows if not r["redcap_repeat_instrument"]] == [p.study_id for p in cohort]
    signed = cohort[0]
    mine = [r for r in rows if r["record_id"] == signed.study_id]
    assert [(r["redcap_repeat_instrument"], r["redcap_repeat_instance"]) for r in mine] == [
        ("", ""),
        *(("lesion", str(lesion.number)) for lesion in signed.lesions),
        *(("complication", str(c.number)) for c in signed.complications),
    ]
    main, lesion_rows = mine[0], mine[1 : 1 + len(signed.lesions)]
    assert all(main[c] == "" for c in main if form_of.get(c.split("___")[0]) in {"lesion", "complication"})
    assert decode("integer", main["age"]) == signed.get("age")
    assert main["icg_given_at"] == signed.get("icg_given_at")[:19].replace("T", " ")
    for lesion, row in zip(signed.lesions, lesion_rows, strict=True):
        assert row["age"] == "" and row["crf_complete"] == ""
        chosen = [
            code for code in forms.field_def("segments").choice_codes() if row[f"segments___{code.lower()}"] == "1"
        ]
        assert chosen == lesion.get("segments")
        assert decode("decimal", row["margin_mm"]) == lesion.get("margin_mm")
        assert row["treatment"] == lesion.get("treatment")
    complication = mine[-2]
    assert complication["clavien_dindo"] == "IIIa" and complication["present_at_discharge"] == "1"


def test_form_status_columns_say_complete_unverified_or_incomplete(cohort, export):
    _, _, _, _, rows = export
    main = {r["record_id"]: r for r in rows if not r["redcap_repeat_instrument"]}
    signed, waiting, single = (main[p.study_id] for p in cohort)
    assert (signed["crf_complete"], signed["questionnaire_complete"]) == ("2", "2")
    assert (waiting["crf_complete"], waiting["questionnaire_complete"]) == ("0", "0")
    assert (single["crf_complete"], single["questionnaire_complete"]) == ("1", "0")
    lesions = {(r["record_id"], r["lesion_complete"]) for r in rows if r["redcap_repeat_instrument"] == "lesion"}
    assert (cohort[0].study_id, "2") in lesions and (cohort[1].study_id, "0") in lesions
    assert (cohort[2].study_id, "1") in lesions


def test_the_repeating_instruments_are_listed(export):
    folder = export[0]
    header, rows = read(folder / "mimic_redcap_repeating_instruments.csv")
    assert header == ["form_name", "custom_form_label"]
    assert [r["form_name"] for r in rows] == ["lesion", "complication"]


def test_labels_in_dutch_when_asked(cohort, tmp_path):
    from mimic_desktop.exchange.redcap import write_redcap

    write_redcap(cohort[:1], tmp_path, prefix="nl", lang="nl")
    _, fields = read(tmp_path / "nl_redcap_data_dictionary.csv")
    by_name = {f["Variable / Field Name"]: f for f in fields}
    assert by_name["age"]["Field Label"] == "Leeftijd"
    assert by_name["sex"]["Choices, Calculations, OR Slider Labels"] == "female, Vrouw | male, Man"
    assert by_name["margin_mm"]["Field Note"] == "mm; R0 als de marge ten minste 1 mm is."


def test_the_files_name_nobody(export):
    assert_pseudonymous(export[0])
