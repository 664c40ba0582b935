"""From records in a real laptop database to the report: the demo database counts for nothing."""

import random

from mimic_desktop.services.demo import create_demo
from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.services.trial_report import report_data, tables_from_records, trial_report
from mimic_desktop.storage import repository


def records(store):
    return [repository.load_procedure(store.conn, row[0]) for row in store.read("SELECT id FROM procedures")]


def test_demo_records_are_left_out(tmp_path):
    store = create_demo(tmp_path / "demo.sqlite")
    tables = tables_from_records(records(store))
    assert tables.procedures["demo"].all()
    report = report_data(trial_report(tables, "demo database"))
    assert report["counted"]["procedures_included"] == 0
    assert report["counted"]["exclusions"][0]["reason"] == "demo record, not trial data"
    assert report["counted"]["exclusions"][0]["procedures"] == 4
    store.close()


def test_recorded_procedures_are_counted_once_complete(store, service):
    finished = record_procedure(service, random.Random(5), lesions=3)
    service.complete(finished)
    record_procedure(service, random.Random(6), lesions=2, pathology=False, finish=False)
    report = report_data(trial_report(tables_from_records(records(store)), "laptop"))
    counted = report["counted"]
    assert (counted["procedures_in_input"], counted["procedures_included"]) == (2, 1)
    assert counted["exclusions"][0]["reason"].startswith("not marked complete")
    assert report["flow"]["lesions"] == 3
    table = report["diagnostic"]["contingency"]["total"]
    assert table["total"] + report["diagnostic"]["not_assessable"] == report["flow"]["crlm"]
