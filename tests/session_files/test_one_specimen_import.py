"""Two lesions taken out in one specimen reach the trial office through a real signed session file: the central
lesion rows both hold the specimen's finding, and the report counts both."""

import random

from mimic_desktop.services.simulate import record_procedure
from mimic_desktop.services.trial_report import central_report
from tests.support.central_rows import read_rows
from tests.support.session_files import finish


def test_one_specimen_of_two_lesions_reaches_the_central_tables(laptop, importer, central_store):
    proc_id = record_procedure(laptop.service, random.Random(7), lesions=2, one_specimen=True)
    finish(laptop.service, proc_id)
    proc = laptop.service.load(proc_id)
    specimen = next(event for event in proc.live_events() if event.kind.startswith("specimen_"))
    assert specimen.lesion_ids == tuple(lesion.id for lesion in proc.lesions)
    assert importer.import_file(laptop.export(proc_id)).outcome.value == "new"
    lesions = {row["lesion_number"]: row for row in read_rows(central_store.conn, "lesions")}
    assert lesions[1]["specimen_fluorescent"] == lesions[2]["specimen_fluorescent"]
    assert lesions[1]["specimen_fluorescent"] is not None
    report = central_report(central_store.path)
    contingency = report.diagnostic.contingency
    assert contingency.total.total == sum(
        1 for row in lesions.values() if row["histology"] == "crlm" and row["treatment"] == "resection"
    )
