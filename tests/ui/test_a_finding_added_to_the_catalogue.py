"""A finding added to a copy of the event catalogue, the way DEVELOPERS.md says, reaches every place without code.

The copy of forms/ gets what the developer guide describes: a new finding with the event that records it (a
bile leak seen in the cavity), and a new code of an existing finding with its event (the re-resection
postponed). The record, the rules, the lesion card, the live timeline, the printed chart, the flat tables,
REDCap, ODM and the summary PDF follow; a malformed catalogue is refused naming the entry.
"""

from __future__ import annotations

import copy
import importlib.resources
import json
import shutil
from datetime import timedelta

import pytest
from lxml import etree

from mimic_desktop.domain import derive, forms
from mimic_desktop.domain.clock import utc_now
from mimic_desktop.domain.errors import ValidationError
from mimic_desktop.exchange import central, flat, odm, record_check, redcap, variables
from mimic_desktop.reports.timeline import timeline_drawing
from mimic_desktop.services.documents import write_summary_pdf
from mimic_desktop.ui.live.lesion_cards import LesionText
from mimic_desktop.ui.live.timeline import Timeline
from tests.reports.conftest import flat as one_line
from tests.reports.conftest import read_pdf
from tests.support.enrolment import ENROLMENT

POSTPONED_COLOUR = "#123456"
BILE_COLOUR = "#654321"
ODM_NS = "{http://www.cdisc.org/ns/odm/v1.3}"


def clear_caches() -> None:
    """Forget every definition read so far, and what was made from it (the variables of the exports, the REDCap
    instruments, the schema), so that the next is read from the forms folder in use."""
    for module in (forms, record_check, variables, redcap, central):
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


def extended(catalogue: dict) -> dict:
    """The catalogue with a new finding and its event, and a new code of the re-resection with its event."""
    data = copy.deepcopy(catalogue)
    reresection = next(f for f in data["findings"] if f["name"] == "reresection")
    reresection["values"].append("postponed")
    data["findings"].append(
        {
            "name": "bile_leak",
            "values": "boolean",
            "when_not_recorded": False,
            "label": {"en": "Bile leak seen in the cavity", "nl": "Gallelekkage gezien in de holte"},
            "what": {"en": "bile leak", "nl": "de gallelekkage"},
        }
    )
    done = next(e for e in data["events"] if e["kind"] == "reresection_done")
    data["events"] += [
        {
            "kind": "reresection_postponed",
            "key": "H",
            "icon": "mdi6.timer-sand",
            "lesion": "required",
            "finding": "reresection",
            "value": "postponed",
            "colour": POSTPONED_COLOUR,
            "after": done["after"],
            "label": {"en": "Re-resection postponed", "nl": "Naresectie uitgesteld"},
        },
        {
            "kind": "bile_leak_seen",
            "key": "J",
            "icon": "mdi6.water-alert",
            "lesion": "required",
            "finding": "bile_leak",
            "value": True,
            "colour": BILE_COLOUR,
            "after": done["after"],
            "label": {"en": "Bile leak seen", "nl": "Gallelekkage gezien"},
        },
    ]
    return data


@pytest.fixture
def copied_forms(tmp_path, monkeypatch):
    """A copy of forms/ with the catalogue extended, in use for this test (MIMIC_FORMS_DIR in development)."""
    folder = tmp_path / "forms"
    shutil.copytree(forms.forms_dir(), folder)
    path = folder / "events.json"
    path.write_text(json.dumps(extended(json.loads(path.read_text("utf-8"))), ensure_ascii=False), "utf-8")
    monkeypatch.setenv("MIMIC_FORMS_DIR", str(folder))
    monkeypatch.setenv("MIMIC_DEVELOPMENT", "1")
    clear_caches()
    yield folder
    monkeypatch.undo()
    clear_caches()


def recorded(service) -> str:
    """A procedure with one lesion whose specimen was clear, a bile leak seen and its re-resection postponed."""
    start = utc_now() - timedelta(minutes=40)
    proc_id = service.create("MIM-03-001", "03", ENROLMENT | {"icg_given_at": start - timedelta(hours=24)})
    kinds = ("incision", "lesion_found", "transection_start", "transection_end", "specimen_clear")
    for minute, kind in enumerate((*kinds, "bile_leak_seen", "reresection_postponed")):
        service.record_event(proc_id, kind, at=start + timedelta(minutes=minute))
    return proc_id


def test_a_new_finding_and_a_new_code_reach_every_place_without_code(copied_forms, service, ui_app, tmp_path):
    proc_id = recorded(service)
    proc = service.load(proc_id)
    lesion = proc.lesions[0]

    # The rules: the re-resection still has one outcome a lesion, whichever event gave it.
    with pytest.raises(ValidationError, match="re-resection outcome is already recorded as Re-resection postponed"):
        service.record_event(proc_id, "reresection_done")
    assessment = derive.assess_lesion(proc, lesion.id)
    assert (assessment.reresection, assessment.bile_leak) == ("postponed", True)
    assert "final_margin_mm" not in derive.asked_by_events(proc, lesion.id), "a postponed re-resection asks nothing"

    # The lesion card and the live timeline, as the live screen shows them.
    card = LesionText("en").text(proc, lesion)
    assert "bile leak seen" in card and "re-resection postponed" in card
    timeline = Timeline("en")
    timeline.refresh(proc, editable=True)
    shown = [timeline.tree.topLevelItem(i).text(1) for i in range(timeline.tree.topLevelItemCount())]
    assert shown[-2:] == ["Bile leak seen", "Re-resection postponed"]

    # The printed chart draws each in its declared colour.
    drawing = timeline_drawing(proc, 400)
    colours = {str(getattr(shape, "fillColor", "")).lower() for shape in drawing.contents}
    assert any(POSTPONED_COLOUR[1:] in colour for colour in colours)
    assert any(BILE_COLOUR[1:] in colour for colour in colours)

    # The flat tables (and so CSV), with the new column and the new code in its list.
    row = flat.lesion_rows(proc)[0]
    assert (row["reresection"], row["bile_leak"]) == ("postponed", True)
    columns = {column.name: column for column in flat.lesion_columns()}
    assert columns["reresection"].choices == ("done", "not_feasible", "not_safe", "postponed")
    assert columns["bile_leak"].type == "boolean"

    # REDCap: the data dictionary offers the code with its words; the import row holds it.
    dictionary = {row[0]: row for row in redcap.dictionary_rows()}
    assert "postponed, Re-resection postponed" in dictionary["reresection"][5]
    assert "bile_leak" in dictionary
    imported = [cells for cells in redcap.import_rows(proc) if cells.get("reresection")]
    assert imported[0]["reresection"] == "postponed"

    # ODM: valid against the 1.3.2 schema, the value inside its code list.
    document = etree.fromstring(odm.ET.tostring(odm.build_odm([proc]).getroot()))
    xsd = importlib.resources.files("odmlib") / "schemas" / "odm" / "1.3.2" / "ODM1-3-2.xsd"
    with importlib.resources.as_file(xsd) as schema_path:
        schema = etree.XMLSchema(etree.parse(str(schema_path)))
    assert schema.validate(document), schema.error_log
    item = document.find(f".//{ODM_NS}ItemDef[@Name='reresection']")
    code_list = document.find(f".//{ODM_NS}CodeList[@OID='{item.find(ODM_NS + 'CodeListRef').get('CodeListOID')}']")
    assert "postponed" in [value.get("CodedValue") for value in code_list.findall(f"{ODM_NS}CodeListItem")]
    values = [
        data.get("Value") for data in document.iter(f"{ODM_NS}ItemData") if data.get("ItemOID") == item.get("OID")
    ]
    assert values == ["postponed"]

    # The summary PDF prints both, in English and in Dutch.
    for lang, words in (("en", ("Bile leak seen", "Re-resection postponed")), ("nl", ("Gallelekkage", "uitgesteld"))):
        path = tmp_path / f"summary-{lang}.pdf"
        write_summary_pdf(service, proc_id, path, lang=lang)
        text = one_line(" ".join(read_pdf(path)[0]))
        assert all(word in text for word in words), (lang, words)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d["events"][-1].update(value="yes"), "event 'bile_leak_seen' gives 'bile_leak' the value 'yes'"),
        (lambda d: d["events"][-2].update(value="later"), "event 'reresection_postponed' gives 'reresection'"),
        (lambda d: d["events"][-1].update(finding="bile"), "event 'bile_leak_seen' records the finding 'bile'"),
        (lambda d: d["findings"][-1].update(values="maybe"), "finding 'bile_leak': 'values' is"),
        (lambda d: d["findings"].append(dict(d["findings"][-1])), "the finding bile_leak is given to more than one"),
        (lambda d: d["events"][-1].update(colour="red"), "event 'bile_leak_seen': colour 'red'"),
        (lambda d: d["events"][-1].update(marks="lunch"), "event 'bile_leak_seen': marks 'lunch'"),
        (lambda d: d["events"][-1].update(management_change="bile"), "event 'bile_leak_seen': the management change"),
        (lambda d: d["events"][-1].update(asks=["bile_volume"]), "event 'bile_leak_seen': 'asks' names"),
        (lambda d: d["events"].pop(-2), "finding 'reresection': no event records its code postponed"),
        (lambda d: d["events"][-1].update(lesion="none"), "a finding of a lesion is recorded by an event of that"),
        (lambda d: d["findings"][-1].update(label={"en": "Bile"}), "finding 'bile_leak': give 'label' in each"),
        (lambda d: d["events"][-1].update(frame="always"), "event 'bile_leak_seen': frame 'always' is not one of"),
        (lambda d: d["events"][-1].update(key="m"), "event 'bile_leak_seen' takes the key M, which opens the live"),
    ],
)
def test_a_malformed_catalogue_is_refused_naming_the_entry(change, named, tmp_path, monkeypatch):
    data = extended(json.loads((forms.forms_dir() / "events.json").read_text("utf-8")))
    change(data)
    with pytest.raises(forms.CatalogueError, match=named):
        forms.parse_events(data)
    # The same catalogue in a forms folder stops the program as it is read.
    folder = tmp_path / "forms"
    shutil.copytree(forms.forms_dir(), folder)
    (folder / "events.json").write_text(json.dumps(data), "utf-8")
    monkeypatch.setenv("MIMIC_FORMS_DIR", str(folder))
    monkeypatch.setenv("MIMIC_DEVELOPMENT", "1")
    clear_caches()
    try:
        with pytest.raises(forms.CatalogueError, match=r"forms/events\.json: "):
            forms.events()
    finally:
        monkeypatch.undo()
        clear_caches()
