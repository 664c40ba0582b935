"""The report on a central database summarises the questionnaire per surgeon from the imported records, by code."""

from __future__ import annotations

import json

from mimic_desktop.services import central_import, trial_report
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from tests.support.office import data_manager
from tests.support.session_files import make_central, make_laptop


def test_surgeons_are_coded_from_the_imported_records_and_never_named(tmp_path):
    laptop = make_laptop(tmp_path / "centre-01")
    files, names = [], set()
    for seed in (71, 72):
        proc_id = laptop.record(seed)
        laptop.service.set_values(proc_id, DEMO_QUESTIONNAIRE | {"q_continue_use": seed == 71})
        files.append(laptop.export(proc_id))
        names.add(str(laptop.service.load(proc_id).get("surgeon")))
    assert names and "None" not in names, "the records name their surgeon"
    store = make_central(tmp_path, laptop)
    central_import.CentralImporter(store, data_manager(store)).import_paths(files)
    store.close()
    laptop.service.store.close()

    data = trial_report.report_data(trial_report.central_report(tmp_path / "central.sqlite"))
    answers = data["questionnaire"]
    assert (answers["questionnaires"], answers["without_surgeon"]) == (2, 0)
    assert [row["surgeon"] for row in answers["by_surgeon"]] == [
        f"S{number:02d}" for number in range(1, answers["surgeons"] + 1)
    ]
    assert sum(row["questionnaires"] for row in answers["by_surgeon"]) == 2
    text = json.dumps(data, ensure_ascii=False)
    assert not any(name in text for name in names)
