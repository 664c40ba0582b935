"""CDISC ODM 1.3.2: valid against the official XSD, bilingual metadata, and ClinicalData that round-trips."""

from __future__ import annotations

import importlib.resources
from datetime import UTC, datetime

import pytest
from lxml import etree

from mimic_desktop.domain import derive, forms

from .conftest import assert_pseudonymous, decode

NS = "http://www.cdisc.org/ns/odm/v1.3"
Q = f"{{{NS}}}"  # an ODM tag is Q + name
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EXPORTED_AT = datetime(2026, 11, 30, 14, 5, tzinfo=UTC)
HEAD = "9f" * 32


@pytest.fixture(scope="module")
def schema():
    xsd = importlib.resources.files("odmlib") / "schemas" / "odm" / "1.3.2" / "ODM1-3-2.xsd"
    with importlib.resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path)))


@pytest.fixture(scope="module")
def odm_file(cohort, tmp_path_factory):
    from mimic_desktop.exchange.odm import write_odm

    path = tmp_path_factory.mktemp("odm") / "mimic.xml"
    assert write_odm(cohort, path, exported_at=EXPORTED_AT, audit_head=HEAD) == path
    return path


@pytest.fixture(scope="module")
def document(odm_file):
    return etree.parse(str(odm_file))


def texts(element, child: str) -> dict[str, str]:
    holder = element.find(Q + child)
    return {} if holder is None else {t.get(LANG): t.text for t in holder.findall(Q + "TranslatedText")}


def test_the_file_validates_against_the_odm_1_3_2_schema(document, schema):
    assert schema.validate(document), schema.error_log
    root = document.getroot()
    assert root.tag == Q + "ODM"
    assert root.get("ODMVersion") == "1.3.2" and root.get("FileType") == "Snapshot"
    assert root.get("CreationDateTime") == EXPORTED_AT.isoformat(timespec="microseconds")
    assert HEAD in root.get("Description")


def test_the_schema_check_is_not_vacuous(document, schema):
    broken = etree.fromstring(etree.tostring(document))
    item_def = broken.find(f".//{Q}ItemDef")
    item_def.set("DataType", "number")
    del broken.attrib["FileOID"]
    assert not schema.validate(broken)


def test_metadata_comes_from_the_forms_in_english_and_dutch(document):
    mdv = document.getroot().find(f"{Q}Study/{Q}MetaDataVersion")
    item_defs = {d.get("Name"): d for d in mdv.findall(Q + "ItemDef")}
    assert "surgeon" not in item_defs, "the operating surgeon is staff: kept in the record, not exported"
    for fdef in (f for f in forms.all_fields().values() if not f.staff_name):
        names = [f"{fdef.name}.{code}" for code in fdef.choice_codes()] if fdef.type == "multichoice" else [fdef.name]
        for name in names:
            question = texts(item_defs[name], "Question")
            assert set(question) == {"en", "nl"}, name
            assert question["nl"].startswith(fdef.text("nl")), name
    age = item_defs["age"]
    assert age.get("DataType") == "integer"
    checks = {c.get("Comparator"): c.find(Q + "CheckValue").text for c in age.findall(Q + "RangeCheck")}
    assert checks == {"GE": "18", "LE": "110"}
    margin = item_defs["margin_mm"]
    assert margin.get("DataType") == "float" and margin.get("SignificantDigits") and margin.get("Length")
    assert item_defs["consent_date"].get("DataType") == "date"
    assert item_defs["icg_given_at"].get("DataType") == "datetime"
    assert item_defs["r_status"].get("Origin") == "Derived"
    codelists = {c.get("OID"): c for c in mdv.findall(Q + "CodeList")}
    decodes = {i.get("CodedValue"): texts(i, "Decode") for i in codelists["CL.sex"].findall(Q + "CodeListItem")}
    assert decodes == {"female": {"en": "Female", "nl": "Vrouw"}, "male": {"en": "Male", "nl": "Man"}}
    likert = [texts(i, "Decode")["nl"] for i in codelists["CL.LIKERT"].findall(Q + "CodeListItem")]
    assert likert == forms.likert_labels("nl")
    groups = {g.get("Name"): g for g in mdv.findall(Q + "ItemGroupDef")}
    assert {name for name, g in groups.items() if g.get("Repeating") == "Yes"} == {
        "lesion",
        "pathology",
        "complication",
        "lesion_derived",
        "complication_derived",
    }
    assert texts(groups["pathology"], "Description") == {"en": "Pathology", "nl": "Pathologie"}


def test_every_reference_points_at_a_definition(document):
    root = document.getroot()
    mdv = root.find(f"{Q}Study/{Q}MetaDataVersion")
    group_items = {
        g.get("OID"): {r.get("ItemOID") for r in g.findall(Q + "ItemRef")} for g in mdv.findall(Q + "ItemGroupDef")
    }
    item_defs = {d.get("OID") for d in mdv.findall(Q + "ItemDef")}
    assert set().union(*group_items.values()) == item_defs
    codelists = {c.get("OID") for c in mdv.findall(Q + "CodeList")}
    assert {r.get("CodeListOID") for r in mdv.iter(Q + "CodeListRef")} == codelists
    forms_defined = {f.get("OID") for f in mdv.findall(Q + "FormDef")}
    sites = {loc.get("OID") for loc in root.iter(Q + "Location")}
    for form in root.iter(Q + "FormData"):
        assert form.get("FormOID") in forms_defined
    for subject in root.iter(Q + "SubjectData"):
        assert subject.find(Q + "SiteRef").get("LocationOID") in sites
    for group in root.iter(Q + "ItemGroupData"):
        for item in group.findall(Q + "ItemData"):
            assert item.get("ItemOID") in group_items[group.get("ItemGroupOID")]


def read_subjects(document) -> dict[str, dict]:
    """Each subject's values back from ClinicalData: the procedure's, and each lesion's and complication's by key."""
    fields = forms.all_fields()
    names = {d.get("OID"): d.get("Name") for d in document.getroot().iter(Q + "ItemDef")}
    subjects = {}
    for subject in document.getroot().iter(Q + "SubjectData"):
        read = subjects[subject.get("SubjectKey")] = {"procedure": {}, "lesion": {}, "complication": {}, "derived": {}}
        for group in subject.iter(Q + "ItemGroupData"):
            key = group.get("ItemGroupRepeatKey")
            for item in group.findall(Q + "ItemData"):
                name, _, code = names[item.get("ItemOID")].partition(".")
                if name not in fields:
                    read["derived"][(name, key)] = item.get("Value")
                    continue
                fdef = fields[name]
                values = read[fdef.scope] if key is None else read[fdef.scope].setdefault(int(key), {})
                if code:
                    chosen = values.setdefault(name, [])
                    if item.get("Value") == "1":
                        chosen.append(code)
                else:
                    values[name] = decode(fdef.type, item.get("Value"))
    return subjects


def filled(values: dict) -> dict:
    """The values an export carries: those filled in, of fields that do not name staff."""
    return {name: value for name, value in values.items() if value is not None and not forms.field_def(name).staff_name}


def test_clinical_data_round_trips_every_record(cohort, document):
    subjects = read_subjects(document)
    assert list(subjects) == [proc.study_id for proc in cohort]
    for proc in cohort:
        read = subjects[proc.study_id]
        assert read["procedure"] == filled(proc.values)
        assert read["lesion"] == {lesion.number: filled(lesion.values) for lesion in proc.lesions}
        assert read["complication"] == {c.number: filled(c.values) for c in proc.complications}
        for lesion in proc.lesions:
            r_status = derive.r_status(lesion.get("margin_mm"))
            assert read["derived"].get(("r_status", str(lesion.number))) == r_status
        assert read["derived"][("lesion_count", None)] == str(len(proc.lesions))
        assert read["derived"][("session_id", None)] == proc.session_id


def test_subjects_are_keyed_by_study_id_at_their_centre(cohort, document):
    root = document.getroot()
    subjects = root.findall(f"{Q}ClinicalData/{Q}SubjectData")
    assert [s.get("SubjectKey") for s in subjects] == [proc.study_id for proc in cohort]
    assert {loc.get("OID") for loc in root.iter(Q + "Location")} == {f"LOC.{proc.centre}" for proc in cohort}
    waiting = subjects[1]
    form_oids = [f.get("FormOID") for f in waiting.iter(Q + "FormData")]
    assert form_oids == ["F.crf"], "an unanswered questionnaire leaves no empty form behind"


def test_the_file_names_nobody(odm_file):
    assert_pseudonymous(odm_file.parent)


def test_an_empty_export_is_still_valid(schema, tmp_path):
    from mimic_desktop.exchange.odm import write_odm

    path = write_odm([], tmp_path / "empty.xml")
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    assert document.getroot().find(f"{Q}ClinicalData/{Q}SubjectData") is None
