"""Session files exported from records recorded through the service layer, central databases that trust them,
and readers that check the exports of the current sessions."""

from __future__ import annotations

import csv
import importlib.resources
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree
from PySide6.QtWidgets import QApplication, QTableWidget

from mimic_desktop.domain import forms
from mimic_desktop.domain.record import Procedure
from mimic_desktop.exchange import flat
from mimic_desktop.services import central_import
from mimic_desktop.services.office_accounts import office_accounts
from tests.exports.conftest import decode
from tests.support.office import PASSWORD, data_manager
from tests.support.session_files import make_central, make_laptop


@dataclass(frozen=True)
class Outbox:
    """What a centre sent: MIM-01-001 in versions 1 and 2 (the second amended), MIM-01-002 and MIM-01-003."""

    laptop: object
    files: dict[str, Path]  # "A1", "A2", "B1", "C1"
    current: dict[str, Procedure]  # each study ID's record as its newest file holds it


@pytest.fixture(scope="module")
def outbox(tmp_path_factory) -> Outbox:
    laptop = make_laptop(tmp_path_factory.mktemp("centre-01"))
    try:
        first, second, third = laptop.record(61), laptop.record(62, lesions=1, complication=True), laptop.record(63)
        files = {"A1": laptop.export(first), "B1": laptop.export(second), "C1": laptop.export(third)}
        laptop.service.set_value(first, "hospital_stay_days", 11, reason="readmission added to the stay")
        files["A2"] = laptop.export(first)
        current = {proc.study_id: proc for proc in map(laptop.service.load, (first, second, third))}
    finally:
        laptop.service.store.close()
    return Outbox(laptop, files, current)


@pytest.fixture
def central_db(tmp_path, outbox) -> Path:
    """A central database that trusts the centre's key and holds nothing yet."""
    make_central(tmp_path, outbox.laptop).close()
    return tmp_path / "central.sqlite"


@pytest.fixture
def filled_db(central_db, outbox) -> Path:
    """The central database with every file imported: three current sessions, MIM-01-001 superseded once."""
    store = central_import.open_existing(central_db)
    central_import.CentralImporter(store, data_manager(store)).import_paths(
        [outbox.files[name] for name in ("A1", "B1", "C1", "A2")]
    )
    store.close()
    return central_db


@pytest.fixture
def usb(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def copy_to(folder: Path, *files: Path) -> None:
    for path in files:
        shutil.copy(path, folder)


@pytest.fixture
def open_window(ui_app, qtbot):
    """The central window on a database, shown like a real one; closed (and its work finished) by qtbot."""
    from mimic_desktop.ui.central.window import CentralWindow
    from mimic_desktop.ui.preferences import Preferences

    opened = []

    def make(path: Path, lang: str = "en", user: str | None = None):
        store = central_import.open_existing(path)
        opened.append(store)
        signed_in = data_manager(store) if user is None else office_accounts(store).sign_in(user, PASSWORD)
        window = CentralWindow(store, Preferences(), lang, user=signed_in)
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        return window

    yield make
    for store in opened:
        store.close()


def settle(qtbot, window) -> None:
    """Wait until the window's background work has reported back."""
    qtbot.waitUntil(lambda: not window.work.running, timeout=120_000)
    QApplication.processEvents()


def cells(table: QTableWidget) -> list[list[str]]:
    """Every cell's text, row by row: what the reader sees."""
    return [
        [table.item(row, column).text() if table.item(row, column) else "" for column in range(table.columnCount())]
        for row in range(table.rowCount())
    ]


# -- the exports of the current sessions, read back ------------------------------------------
ODM = "{http://www.cdisc.org/ns/odm/v1.3}"
STUDY_IDS = ["MIM-01-001", "MIM-01-002", "MIM-01-003"]


def read_csv(path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def check_flat_csv(folder, outbox) -> None:
    """The current version of each session, and nothing superseded, field by field."""
    procedures = read_csv(folder / "mimic_central_procedures.csv")
    assert [row["study_id"] for row in procedures] == STUDY_IDS
    for row in procedures:
        proc = outbox.current[row["study_id"]]
        assert row["session_id"] == proc.session_id
        for fdef in flat.procedure_fields():
            assert decode(fdef.type, row[fdef.name]) == proc.get(fdef.name), fdef.name
    assert procedures[0]["hospital_stay_days"] == "11", "the amended version 2, not version 1"
    assert procedures[0]["session_version"] == "2", "each row names the session version it comes from"
    lesions = read_csv(folder / "mimic_central_lesions.csv")
    assert len(lesions) == sum(len(proc.lesions) for proc in outbox.current.values()) == 5
    for row in lesions:
        lesion = outbox.current[row["study_id"]].lesions[int(row["lesion_number"]) - 1]
        for fdef in forms.crf().fields("lesion"):
            assert decode(fdef.type, row[fdef.name]) == lesion.get(fdef.name), fdef.name
    complications = read_csv(folder / "mimic_central_complications.csv")
    assert [(row["study_id"], row["clavien_dindo"]) for row in complications] == [("MIM-01-002", "IIIa")]
    dictionary = read_csv(folder / "mimic_central_data_dictionary.csv")
    assert {"hospital_stay_days", "margin_mm", "clavien_dindo"} <= {row["column"] for row in dictionary}


@pytest.fixture(scope="module")
def schema():
    xsd = importlib.resources.files("odmlib") / "schemas" / "odm" / "1.3.2" / "ODM1-3-2.xsd"
    with importlib.resources.as_file(xsd) as path:
        return etree.XMLSchema(etree.parse(str(path)))


def check_odm(path, schema) -> None:
    document = etree.parse(str(path))
    assert schema.validate(document), schema.error_log
    subjects = document.getroot().findall(f"{ODM}ClinicalData/{ODM}SubjectData")
    assert [subject.get("SubjectKey") for subject in subjects] == STUDY_IDS
    stays = [
        item.get("Value")
        for item in subjects[0].iter(f"{ODM}ItemData")
        if item.get("ItemOID") == "IT.hospital_stay_days"
    ]
    assert stays == ["11"]
