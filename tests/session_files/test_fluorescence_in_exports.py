"""A lesion's ratio measured on the frame of a finding travels as the other lesion values do, one set of columns
per finding of forms/events.json (`<finding>_sbr`, `_sbr_channel`, `_sbr_method`): in the session file to the
central flat tables, and into the CSV tables, REDCap, ODM (valid against the 1.3.2 schema), Castor and
Dataset-JSON, each read back from the files written."""

from __future__ import annotations

import csv
import importlib.resources
import json
from datetime import UTC, datetime

import pytest
from lxml import etree

from mimic_desktop.domain import forms
from mimic_desktop.exchange import central, flat
from mimic_desktop.exchange.castor import write_castor
from mimic_desktop.exchange.dataset_json import write_dataset_json
from mimic_desktop.exchange.odm import write_odm
from mimic_desktop.exchange.redcap import write_redcap
from mimic_desktop.services import data_exports
from mimic_desktop.services import frames as frame_service
from tests.support import frames

WHY = "measured on the kept still after surgery"
# The lesion's dark inside as background: the rim against it is RIM / LESION, a ratio other than the liver's.
INSIDE = "125,85,70,70"
INSIDE_RATIO = frames.RIM / frames.LESION
ODM_NS = "{http://www.cdisc.org/ns/odm/v1.3}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def index() -> str:
    return forms.index_finding().name


def finding_event(proc, number: int, *, index_test: bool):
    """A live event of lesion `number` recording the index finding, or (index_test False) another finding."""
    lesion = next(lesion for lesion in proc.lesions if lesion.number == number)
    catalogue = forms.events()
    return next(
        e
        for e in proc.live_events()
        if e.lesion_id == lesion.id
        and e.kind in catalogue
        and catalogue[e.kind].finding
        and catalogue[e.kind].keeps_frame
        and (catalogue[e.kind].finding == index()) == index_test
    )


def measure(laptop, tmp_path, proc_id: str, event_id: int, background: str, name: str) -> None:
    service = laptop.service
    study_id = service.load(proc_id).study_id
    image = frames.write(tmp_path / f"{name}.png", frames.nir_frame())
    frame_id = frame_service.attach_frame(service, study_id, event_id, image, reason=WHY)
    frame_service.set_measurement(service, study_id, 1, frame_id, frames.TARGET, background, reason=WHY)


@pytest.fixture
def measured(laptop, tmp_path) -> tuple[str, str]:
    """A finished record whose lesion 1 was measured on the frame of its specimen finding (ratio RIM / LIVER) and
    on the frame of another of its findings (ratio RIM / LESION); returns the record and that other finding."""
    proc_id = laptop.record(41, lesions=2)
    proc = laptop.service.load(proc_id)
    other = finding_event(proc, 1, index_test=False)
    measure(laptop, tmp_path, proc_id, finding_event(proc, 1, index_test=True).id, frames.BACKGROUND, "specimen")
    measure(laptop, tmp_path, proc_id, other.id, INSIDE, "other")
    return proc_id, forms.events()[other.kind].finding or ""


def test_every_lesion_finding_kept_with_a_frame_has_its_ratio_columns():
    names = [column.name for column in flat.lesion_columns()]
    framed = {event.finding for event in forms.events().values() if event.keeps_frame and event.finding}
    assert len(framed) >= 3  # the plane, the specimen and the cavity
    for finding in forms.findings("lesion"):
        columns = {f"{finding.name}_sbr", f"{finding.name}_sbr_channel", f"{finding.name}_sbr_method"}
        # A finding no frame is kept with (a plane adapted, an ablation) has no columns to stay empty.
        assert columns <= set(names) if finding.name in framed else not columns & set(names)
    for finding in forms.findings("procedure"):
        assert f"{finding.name}_sbr" not in names


def test_the_central_flat_table_holds_each_findings_ratio(laptop, importer, central_store, measured):
    proc_id, other = measured
    laptop.export(proc_id)
    importer.import_paths([laptop.out])
    lesions = central.frames(central_store)["lesions"].sort_values("lesion_number")
    first, second = lesions.to_dict("records")
    assert first[f"{index()}_sbr"] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    assert (first[f"{index()}_sbr_channel"], first[f"{index()}_sbr_method"]) == ("nir", "sbr-mean-rectangles-1")
    assert first[f"{other}_sbr"] == pytest.approx(INSIDE_RATIO, rel=0.01)
    assert first[f"{other}_sbr_method"] == "sbr-mean-rectangles-1"
    for finding in flat.ratio_findings():
        empty = second[f"{finding.name}_sbr"]
        assert empty is None or empty != empty  # empty (NaN)


def test_a_ratio_on_a_frame_of_no_finding_is_in_no_findings_column(laptop, tmp_path):
    """The ICG overlay inspection records no finding: its frame's ratio stays in the fluorescence table."""
    proc_id = laptop.record(42, lesions=1)
    proc = laptop.service.load(proc_id)
    catalogue = forms.events()
    inspection = next(e for e in proc.live_events() if e.lesion_id is None and not catalogue[e.kind].finding)
    measure(laptop, tmp_path, proc_id, inspection.id, frames.BACKGROUND, "overlay")
    assert laptop.service.load(proc_id).fluorescence
    (row,) = flat.lesion_rows(laptop.service.load(proc_id))
    assert all(row[f"{finding.name}_sbr"] is None for finding in flat.ratio_findings())


def test_csv_tables_and_their_dictionary_carry_it(laptop, measured, tmp_path):
    proc_id, other = measured
    study_id = laptop.service.load(proc_id).study_id
    paths = {path.name: path for path in data_exports.export_csv(laptop.service, [study_id], tmp_path / "csv").paths}
    with paths[f"{study_id}_lesions.csv"].open(encoding="utf-8") as handle:
        first = next(row for row in csv.DictReader(handle) if row["lesion_number"] == "1")
    assert float(first[f"{index()}_sbr"]) == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    assert float(first[f"{other}_sbr"]) == pytest.approx(INSIDE_RATIO, rel=0.01)
    assert first[f"{other}_sbr_channel"] == "nir"
    with paths[f"{study_id}_data_dictionary.csv"].open(encoding="utf-8") as handle:
        described = " ".join(" ".join(row) for row in csv.reader(handle) if f"{other}_sbr" in row)
    assert "Signal-to-background ratio on the frame of the" in described


def test_redcap_odm_castor_and_dataset_json_carry_it(laptop, measured, tmp_path):
    proc_id, other = measured
    proc = laptop.service.load(proc_id)
    specimen, plane = f"{index()}_sbr", f"{other}_sbr"
    ratios = next(row for row in flat.lesion_rows(proc) if row["lesion_number"] == 1)
    assert ratios[specimen] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    assert ratios[plane] == pytest.approx(INSIDE_RATIO, rel=0.01)

    redcap = {path.name: path for path in write_redcap([proc], tmp_path / "redcap")}
    with redcap["mimic_redcap_import.csv"].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    for name in (specimen, plane):
        assert any(row.get(name) and float(row[name]) == pytest.approx(ratios[name]) for row in rows)
    dutch = {path.name: path for path in write_redcap([proc], tmp_path / "redcap_nl", lang="nl")}
    with dutch["mimic_redcap_data_dictionary.csv"].open(encoding="utf-8") as handle:
        label = next(row[4] for row in csv.reader(handle) if row[0] == plane)
    assert label.startswith("Signaal-achtergrondverhouding op het beeld van de bevinding over")

    odm = tmp_path / "mimic.xml"
    write_odm([proc], odm, exported_at=datetime(2026, 12, 1, tzinfo=UTC), audit_head="ab" * 32)
    xsd = importlib.resources.files("odmlib") / "schemas" / "odm" / "1.3.2" / "ODM1-3-2.xsd"
    with importlib.resources.as_file(xsd) as path:
        schema = etree.XMLSchema(etree.parse(str(path)))
    document = etree.parse(str(odm))
    assert schema.validate(document), schema.error_log
    for name in (specimen, plane):
        values = [item.get("Value") for item in document.iter() if item.get("ItemOID", "").endswith(name)]
        assert any(value and float(value) == pytest.approx(ratios[name]) for value in values)
    definition = next(
        item
        for item in document.iter(f"{ODM_NS}ItemDef")
        if item.get("OID", "").endswith(plane) and item.get("Name") == plane
    )
    texts = {text.get(XML_LANG): text.text for text in definition.iter(f"{ODM_NS}TranslatedText")}
    assert texts["en"].startswith("Signal-to-background ratio") and texts["nl"].startswith("Signaal-achtergrond")

    castor = {path.name: path for path in write_castor([proc], tmp_path / "castor")}
    with castor["mimic_castor_lesion.csv"].open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert any(row.get(plane) and float(row[plane]) == pytest.approx(ratios[plane]) for row in rows)

    written = write_dataset_json([proc], tmp_path / "dataset", created=datetime(2026, 12, 1, tzinfo=UTC))
    lesions = json.loads(next(path for path in written if path.name == "mimic_lesions.json").read_text("utf-8"))
    names = [column["name"] for column in lesions["columns"]]
    for name in (specimen, plane):
        column = names.index(name)
        assert any(row[column] == pytest.approx(ratios[name]) for row in lesions["rows"] if row[column] is not None)


def test_a_ratio_on_the_frame_of_a_finding_struck_since_is_in_no_column(laptop, measured):
    """Struck through, a finding is no call of the record: the ratio on its frame leaves the lesion rows, as it
    leaves the session file, while the specimen's stays."""
    proc_id, other = measured
    event = finding_event(laptop.service.load(proc_id), 1, index_test=False)  # the one the fixture measured
    laptop.service.strike_event(event.id, "recorded on the wrong lesion")
    first = next(row for row in flat.lesion_rows(laptop.service.load(proc_id)) if row["lesion_number"] == 1)
    assert first[f"{other}_sbr"] is None and first[f"{other}_sbr_method"] is None
    assert first[f"{index()}_sbr"] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)


def test_the_trial_report_reads_the_specimen_ratio_from_the_apps_own_csv_export(laptop, measured, tmp_path):
    """The CSV tables as the app exports them are an input of the trial report: its ratio is the specimen's, not
    the other finding's."""
    from mimic_desktop.analysis.selection import SBR, select
    from mimic_desktop.services.trial_report import tables_from_csv

    proc_id, _other = measured
    study_id = laptop.service.load(proc_id).study_id
    data_exports.export_csv(laptop.service, [study_id], tmp_path / "csv")
    tables = tables_from_csv(tmp_path / "csv")
    lesions = select(tables.procedures, tables.lesions, tables.complications).lesions
    numbers = tables.lesions.loc[lesions.index, "lesion_number"].astype(int)  # the selection keeps the input's rows
    ratios = dict(zip(numbers, lesions[SBR], strict=True))
    assert ratios[1] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    assert ratios[2] is None or ratios[2] != ratios[2]  # empty (NA)


def test_a_central_database_with_the_earlier_columns_is_made_again_with_each_findings(
    laptop, importer, central_store, measured
):
    """A central database whose lesions table still has the specimen-only columns of the earlier version: opened,
    its flat tables are made again from the stored records, with every finding's columns and the ratios."""
    from mimic_desktop.storage import central as central_storage

    proc_id, other = measured
    laptop.export(proc_id)
    importer.import_paths([laptop.out])
    earlier = [(c.name, c.type) for c in flat.lesion_columns() if "_sbr" not in c.name]
    earlier += [("specimen_sbr", "decimal"), ("specimen_sbr_channel", "text"), ("specimen_sbr_method", "text")]
    with central_store.transaction() as db:
        central_storage.create_flat_table(db.conn, "lesions", earlier)
    path = central_store.path
    central_store.close()
    reopened = central.open_central(path, create=False)
    try:
        assert "specimen_sbr" not in central_storage.flat_columns(reopened.conn, "lesions")
        lesions = central.frames(reopened)["lesions"].sort_values("lesion_number")
    finally:
        reopened.close()
    first = lesions.to_dict("records")[0]
    assert first[f"{index()}_sbr"] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    assert first[f"{other}_sbr"] == pytest.approx(INSIDE_RATIO, rel=0.01)
