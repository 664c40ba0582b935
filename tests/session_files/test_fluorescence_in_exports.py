"""A lesion's ratio measured on the frame of its specimen finding travels as the other lesion values do: in the
session file to the central flat tables, and into REDCap, ODM (valid against the 1.3.2 schema), Castor and
Dataset-JSON."""

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
from mimic_desktop.services import frames as frame_service
from tests.support import frames

WHY = "measured on the kept still after surgery"


def specimen_event(proc, number: int):
    index = forms.index_finding().name
    kinds = {kind for kind, event in forms.events().items() if event.finding == index}
    lesion = next(lesion for lesion in proc.lesions if lesion.number == number)
    return next(e for e in proc.live_events() if e.lesion_id == lesion.id and e.kind in kinds)


@pytest.fixture
def measured(laptop, tmp_path) -> str:
    """A finished record whose lesion 1 was measured on the frame of its specimen finding (ratio 3)."""
    service = laptop.service
    proc_id = laptop.record(41, lesions=2)
    proc = service.load(proc_id)
    image = frames.write(tmp_path / "specimen.png", frames.nir_frame())
    frame_id = frame_service.attach_frame(service, proc.study_id, specimen_event(proc, 1).id, image, reason=WHY)
    frame_service.set_measurement(service, proc.study_id, 1, frame_id, frames.TARGET, frames.BACKGROUND, reason=WHY)
    return proc_id


def test_the_central_flat_table_holds_the_specimen_ratio(laptop, importer, central_store, measured):
    laptop.export(measured)
    importer.import_paths([laptop.out])
    lesions = central.frames(central_store)["lesions"].sort_values("lesion_number")
    first, second = lesions.to_dict("records")
    assert first["specimen_sbr"] == pytest.approx(frames.KNOWN_RATIO, rel=0.01)
    assert (first["specimen_sbr_channel"], first["specimen_sbr_method"]) == ("nir", "sbr-mean-rectangles-1")
    assert second["specimen_sbr"] is None or second["specimen_sbr"] != second["specimen_sbr"]  # empty (NaN)


def test_a_ratio_on_another_finding_is_not_the_specimen_ratio(laptop, tmp_path):
    service = laptop.service
    proc_id = laptop.record(42, lesions=1)
    proc = service.load(proc_id)
    index = forms.index_finding().name
    other = next(
        e
        for e in proc.live_events()
        if e.lesion_id == proc.lesions[0].id
        and e.kind in forms.events()
        and forms.events()[e.kind].finding
        and forms.events()[e.kind].finding != index
    )
    image = frames.write(tmp_path / "plane.png", frames.nir_frame())
    frame_id = frame_service.attach_frame(service, proc.study_id, other.id, image, reason=WHY)
    frame_service.set_measurement(service, proc.study_id, 1, frame_id, frames.TARGET, frames.BACKGROUND, reason=WHY)
    (row,) = flat.lesion_rows(service.load(proc_id))
    assert row["specimen_sbr"] is None


def test_redcap_odm_castor_and_dataset_json_carry_it(laptop, measured, tmp_path):
    proc = laptop.service.load(measured)
    ratio = next(row["specimen_sbr"] for row in flat.lesion_rows(proc) if row["lesion_number"] == 1)
    assert ratio == pytest.approx(frames.KNOWN_RATIO, rel=0.01)

    redcap = {path.name: path for path in write_redcap([proc], tmp_path / "redcap")}
    dictionary = redcap["mimic_redcap_data_dictionary.csv"].read_text(encoding="utf-8")
    assert "specimen_sbr" in dictionary
    with redcap["mimic_redcap_import.csv"].open(encoding="utf-8") as handle:
        cells = [row.get("specimen_sbr") for row in csv.DictReader(handle)]
    assert any(cell and float(cell) == pytest.approx(ratio) for cell in cells)

    odm = tmp_path / "mimic.xml"
    write_odm([proc], odm, exported_at=datetime(2026, 12, 1, tzinfo=UTC), audit_head="ab" * 32)
    xsd = importlib.resources.files("odmlib") / "schemas" / "odm" / "1.3.2" / "ODM1-3-2.xsd"
    with importlib.resources.as_file(xsd) as path:
        schema = etree.XMLSchema(etree.parse(str(path)))
    document = etree.parse(str(odm))
    assert schema.validate(document), schema.error_log
    values = [item.get("Value") for item in document.iter() if "specimen_sbr" in (item.get("ItemOID") or "")]
    assert any(value and float(value) == pytest.approx(ratio) for value in values)

    castor = {path.name: path for path in write_castor([proc], tmp_path / "castor")}
    assert "specimen_sbr" in castor["mimic_castor_lesion.csv"].read_text(encoding="utf-8")

    written = write_dataset_json([proc], tmp_path / "dataset", created=datetime(2026, 12, 1, tzinfo=UTC))
    lesions = json.loads(next(path for path in written if path.name == "mimic_lesions.json").read_text("utf-8"))
    names = [column["name"] for column in lesions["columns"]]
    index = names.index("specimen_sbr")
    assert any(row[index] == pytest.approx(ratio) for row in lesions["rows"] if row[index] is not None)
