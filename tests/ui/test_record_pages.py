"""The after-surgery record pages through the real widgets, on a real database."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from datetime import date, timedelta

import pytest
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton

from mimic_desktop.domain import derive, forms
from mimic_desktop.domain.clock import parse_typed, utc_now
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.simulate import baseline
from mimic_desktop.ui import i18n
from mimic_desktop.ui.record.section_editor import SectionEditor
from mimic_desktop.ui.record.sign_dialog import SignDialog
from tests.support.record_window import open_record
from tests.support.signers import make_surgeon_of_record, sign_as
from tests.support.ui_steps import answer_prompt

SURGEON_PASSWORD = "steady hands 42"


@pytest.fixture
def surgeon(store, coordinator):
    return AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator)


@pytest.fixture
def after_surgery(service):
    """Two resected lesions, the first with a fluorescent specimen and a cavity re-resection; surgery has ended."""
    start = utc_now() - timedelta(hours=5)
    values = baseline(random.Random(5), lesions=2) | {
        "consent_date": (start - timedelta(days=7)).date().isoformat(),
        "icg_given_at": start - timedelta(hours=23),
        "n_stage": "N1",
        "cea": 12.0,
        "disease_free_interval_months": 0,
        "largest_lesion_mm": 30,
    }
    proc_id = service.create("MIM-03-001", "03", values)
    moments = iter(start + timedelta(minutes=5 * i) for i in range(60))

    def event(kind: str) -> None:
        service.record_event(proc_id, kind, at=next(moments))

    event("incision")
    lesions = []
    for segments in (["VII", "VIII"], ["III"]):
        event("lesion_found")
        lesion_id = service.load(proc_id).current_lesion_id
        service.set_values(
            proc_id,
            {"segments": segments, "size_mm": 20, "detected_by": "preop_imaging", "treatment": "resection"},
            entity="lesion",
            entity_id=lesion_id,
        )
        lesions.append(lesion_id)
    service.switch_lesion(proc_id, lesions[0])
    for kind in ("transection_start", "transection_end", "specimen_fluorescent", "cavity_fluorescent"):
        event(kind)
    event("reresection_done")
    service.switch_lesion(proc_id, lesions[1])
    for kind in ("transection_start", "transection_end", "specimen_clear"):
        event(kind)
    event("closure")
    return proc_id


def visible_rows(block: SectionEditor) -> set[str]:
    layout = block.form.layout()
    return {name for name, editor in block.form.editors.items() if layout.isRowVisible(editor)}


def test_pathology_and_post_operative_course_entered_through_the_pages(
    make_window, store, coordinator, service, after_surgery, actions
):
    proc_id = after_surgery
    window = open_record(make_window, store, coordinator, proc_id)
    page = window.record.show_page("lesions")
    first, second = service.load(proc_id).lesions
    assert page.list.count() == 2
    assert "Lesion 1" in page.list.item(0).text() and "VII, VIII" in page.list.item(0).text()
    assert "Lesion 2" in page.list.item(1).text() and "III" in page.list.item(1).text()
    assert "Known from pre-operative imaging" in page.list.item(0).text()

    # Lesion 1 had a cavity re-resection: its results are asked for.
    assert {"reresection_tumour", "final_margin_mm"} <= visible_rows(page.pathology)
    editors = page.pathology.form.editors
    actions.choose(editors["histology"].input, "crlm")
    actions.type(editors["margin_mm"].input, "0.4")
    assert "R status (derived): R1" in page.pathology.note.text()
    problems = page.pathology.problems.text()
    assert page.pathology.problems.isVisibleTo(window)
    assert "Lesion 1: the margin is under 1 mm (R1): say whether the R1 is vascular or parenchymal." in problems
    assert "Cavity re-resection done was recorded: fill in final margin after re-resection" in problems
    actions.choose(editors["r1_type"].input, "parenchymal")
    actions.choose(editors["reresection_tumour"].input, False)
    actions.type(editors["final_margin_mm"].input, "5")
    assert "Final R status after the cavity re-resection: R0" in page.pathology.note.text()
    assert not page.pathology.problems.isVisibleTo(window)
    assert service.load(proc_id).lesion(first.id).get("margin_mm") is None, "typed values wait for Save"
    actions.click(page.pathology.save_button)
    stored = service.load(proc_id).lesion(first.id)
    assert {
        k: stored.get(k) for k in ("histology", "margin_mm", "r1_type", "reresection_tumour", "final_margin_mm")
    } == {
        "histology": "crlm",
        "margin_mm": 0.4,
        "r1_type": "parenchymal",
        "reresection_tumour": False,
        "final_margin_mm": 5.0,
    }
    assert derive.final_r_status(stored) == "R0"
    assert window.saved.state == "saved"
    assert "0.4 mm · R1" in page.list.item(0).text()

    # Lesion 2 had none: no re-resection results; its values are saved when the page is left.
    actions.click(page.list.viewport(), page.list.visualItemRect(page.list.item(1)).center())
    assert page.lesion_id == second.id
    assert not {"reresection_tumour", "final_margin_mm"} & visible_rows(page.pathology)
    actions.choose(page.pathology.form.editors["histology"].input, "crlm")
    actions.type(page.pathology.form.editors["margin_mm"].input, "3.5")
    assert "R status (derived): R0" in page.pathology.note.text()
    postop = window.record.show_page("postop")
    assert service.load(proc_id).lesion(second.id).get("margin_mm") == 3.5

    course = postop.course.form.editors
    actions.type(course["icu_days"].input, "1")
    actions.type(course["hospital_stay_days"].input, "6")
    actions.choose(course["readmission"].input, True)
    actions.choose(course["readmission_planned"].input, True)
    actions.choose(course["icg_adverse_event"].input, False)
    assert "not a complication" in postop.course.note.text()
    actions.click(postop.course.save_button)

    day = derive.surgery_date(service.load(proc_id))
    for description, grade, onset, at_discharge in (
        ("Bile leak", "IIIa", day + timedelta(days=4), True),
        ("Incisional hernia", "IIIb", day + timedelta(days=100), None),
    ):
        actions.click(postop.new_button)
        block = postop.complication.form.editors
        actions.type(block["description"].input, description)
        actions.choose(block["clavien_dindo"].input, grade)
        actions.set_date(block["onset_date"].input, onset)
        if at_discharge is not None:
            actions.choose(block["present_at_discharge"].input, at_discharge)
        actions.click(postop.complication.save_button)
    assert postop.table.rowCount() == 2
    assert postop.table.item(0, 2).text() == "IIIad"
    assert "after 90 days" not in postop.table.item(0, 4).text()
    assert postop.table.item(1, 4).text().startswith("100") and "after 90 days" in postop.table.item(1, 4).text()

    # Edit the first complication: choose its row, change the grade.
    actions.click(postop.table.viewport(), postop.table.visualItemRect(postop.table.item(0, 1)).center())
    assert postop.complication.title.text() == "Complication 1"
    actions.choose(postop.complication.form.editors["clavien_dindo"].input, "II")
    actions.click(postop.complication.save_button)

    proc = service.load(proc_id)
    assert {k: proc.get(k) for k in ("icu_days", "hospital_stay_days", "readmission", "readmission_planned")} == {
        "icu_days": 1,
        "hospital_stay_days": 6,
        "readmission": True,
        "readmission_planned": True,
    }
    assert proc.get("icg_adverse_event") is False
    assert [(c.get("description"), derive.clavien_dindo_text(c)) for c in proc.complications] == [
        ("Bile leak", "IId"),
        ("Incisional hernia", "IIIb"),
    ]
    assert derive.late_complication(proc, proc.complications[1].get("onset_date"))
    assert postop.table.item(0, 2).text() == "IId"
    edits = [r for r in service.audit_trail(proc_id) if r["field"] == "clavien_dindo"]
    assert [json.loads(r["new_value"]) for r in edits] == ["IIIa", "IIIb", "II"]


def test_missing_items_shrink_complete_locks_and_a_later_edit_keeps_its_reason(
    make_window, store, coordinator, service, recorded, actions
):
    service.set_values(recorded, {"icu_days": None, "hospital_stay_days": None})
    window = open_record(make_window, store, coordinator, recorded)
    completion = window.record.show_page("completion")
    missing = [completion.list.item(i).text() for i in range(completion.list.count())]
    assert missing == ["ICU stay", "Hospital stay"]
    assert not completion.complete_button.isEnabled()

    postop = window.record.show_page("postop")
    actions.type(postop.course.form.editors["icu_days"].input, "0")
    actions.click(postop.course.save_button)
    assert [completion.list.item(i).text() for i in range(completion.list.count())] == ["Hospital stay"]
    actions.type(postop.course.form.editors["hospital_stay_days"].input, "3")
    actions.click(postop.course.save_button)
    window.record.show_page("completion")
    assert completion.list.count() == 0
    assert "Nothing is missing" in completion.summary.text()
    assert completion.complete_button.isEnabled()
    actions.click(completion.complete_button)
    proc = service.load(recorded)
    assert proc.locked
    assert derive.status(proc) is derive.Status.COMPLETE
    assert "Completed and locked" in completion.summary.text()
    assert not completion.complete_button.isEnabled()
    assert "Complete" in window.record.heading.text()

    # A locked record: the change asks for a reason, and is stored with it.
    postop = window.record.show_page("postop")
    stay = postop.course.form.editors["hospital_stay_days"].input
    stay.clear()
    actions.type(stay, "4")
    seen: list[str] = []
    answer_prompt(window, actions, "discharge letter corrected", seen)
    actions.click(postop.course.save_button)
    assert "complete and locked" in seen[0]
    assert service.load(recorded).get("hospital_stay_days") == 4
    row = [r for r in service.audit_trail(recorded) if r["field"] == "hospital_stay_days"][-1]
    assert (json.loads(row["new_value"]), row["reason"]) == (4, "discharge letter corrected")


def test_the_surgeon_signs_and_a_later_change_voids_the_signature(
    make_window, store, service, surgeon, recorded, actions
):
    make_surgeon_of_record(store, recorded, surgeon)
    window = open_record(make_window, store, surgeon, recorded)
    page = window.record.show_page("questionnaire")
    assert page.state.property("state") == "unsigned"
    editors = page.answers.form.editors
    for name, answer in DEMO_QUESTIONNAIRE.items():
        editor = editors[name]
        if editor.fdef.type == "likert":
            actions.click(editor._likert.button(answer))
        else:
            actions.choose(editor.input, answer)

    def sign(dialog: SignDialog) -> None:
        texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "Sam Snijder (sam.surgeon)" in texts
        assert "Author: I answered this questionnaire" in texts
        actions.type(dialog.password, "not my password")
        actions.click(dialog.sign_button)
        assert "Wrong password" in dialog.message.text()
        assert dialog.isVisible()
        assert service.load(recorded).valid_signature() is None
        actions.type(dialog.password, SURGEON_PASSWORD)
        actions.click(dialog.sign_button)

    actions.answer_dialog(lambda: window.findChild(SignDialog), sign)
    actions.click(page.sign_button)
    proc = service.load(recorded)
    signature = proc.valid_signature()
    assert signature is not None and signature.printed_name == "Sam Snijder"
    assert {name: proc.get(name) for name in DEMO_QUESTIONNAIRE} == DEMO_QUESTIONNAIRE, "answers saved before signing"
    assert page.state.property("state") == "valid"
    assert signature.content_hash in page.details.text().replace(" ", "")
    assert not page.sign_button.isEnabled()
    refusals = [json.loads(r["new_value"]) for r in service.audit_trail(recorded) if r["field"] == "refused"]
    assert refusals == [{"action": "sign", "message": "wrong password"}]

    actions.click(editors["q_image_quality"]._likert.button(2))
    seen: list[str] = []
    answer_prompt(window, actions, "misread the scale", seen)
    actions.click(page.answers.save_button)
    assert "the signature will be voided" in seen[0]
    proc = service.load(recorded)
    assert proc.get("q_image_quality") == 2
    assert proc.valid_signature() is None and proc.signatures[0].void_reason == "misread the scale"
    assert page.state.property("state") == "voided"
    assert "misread the scale" in page.details.text()
    assert page.sign_button.isEnabled()


def test_a_coordinator_cannot_sign_and_is_told_why(
    make_window, store, coordinator, service, recorded, actions, shown_errors
):
    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    window = open_record(make_window, store, coordinator, recorded)
    page = window.record.show_page("questionnaire")
    actions.click(page.sign_button)
    assert shown_errors == ["Only a surgeon can sign the questionnaire; you are signed in as coordinator."]
    shown_errors.clear()
    assert window.findChild(SignDialog) is None, "no password is asked of someone who may not sign"
    assert window.saved.state == "failed"
    assert service.load(recorded).signatures == []
    refused = [json.loads(r["new_value"]) for r in service.audit_trail(recorded) if r["field"] == "refused"]
    assert refused[-1]["action"] == "sign" and "Only a surgeon" in refused[-1]["message"]
    assert [r["username"] for r in service.audit_trail(recorded) if r["field"] == "refused"] == ["anna.coord"]


def test_a_monitor_reads_everything_and_changes_nothing(make_window, store, coordinator, service, recorded):
    service.add_complication(
        recorded, {"description": "Ileus", "clavien_dindo": "II", "onset_date": date.today().isoformat()}
    )
    monitor = AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "monitor-pass", by=coordinator)
    trail = len(service.audit_trail(recorded))
    window = open_record(make_window, store, monitor, recorded)
    record = window.record
    assert "Read-only" in record.findChild(QLabel, "readOnlyNotice").text()
    for key in record.builders:
        record.show_page(key)
    blocks = record.findChildren(SectionEditor)
    assert {block.objectName() for block in blocks} >= {
        f"section_{name}"
        for name in ("eligibility", "baseline", "icg", "surgery", "lesion", "pathology", "postop", "questionnaire")
    }
    for block in blocks:
        assert not block.save_button.isVisibleTo(record)
        assert all(not editor.input.isEnabled() for editor in block.form.editors.values())
    for key in ("patient", "lesions", "postop", "completion"):
        page = record.show_page(key)
        action_buttons = [b for b in page.findChildren(QPushButton) if b.isVisibleTo(page)]
        assert action_buttons == [], f"{key}: {[b.text() for b in action_buttons]}"
    postop = record.show_page("postop")
    assert postop.table.rowCount() == 1 and postop.table.item(0, 1).text() == "Ileus"
    assert record.show_page("lesions").list.count() == 2
    window.close_procedure()
    assert len(service.audit_trail(recorded)) == trail


def test_summary_pdf_written_in_the_background_from_the_documents_page(
    make_window, store, coordinator, recorded, actions, tmp_path, qtbot
):
    window = open_record(make_window, store, coordinator, recorded)
    page = window.record.show_page("documents")
    target = tmp_path / "out" / "summary.pdf"
    target.parent.mkdir()

    def choose(dialog: QFileDialog) -> None:
        dialog.selectFile(str(target))
        dialog.accept()

    actions.answer_dialog(lambda: window.findChild(QFileDialog), choose)
    actions.click(page.print_button)
    # The work runs in the thread pool; its result can only arrive once the event loop runs again.
    assert window.progress.isVisible() and window.tasks
    assert not page.print_button.isEnabled() and "Writing" in page.where.text()
    qtbot.waitUntil(lambda: "Written to" in page.where.text(), timeout=60_000)
    assert str(target) in page.where.text()
    assert page.print_button.isEnabled() and not window.progress.isVisible()
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(target).pages)
    study_id = window.context.procedures().load(recorded).study_id
    assert study_id in text
    qpdf = shutil.which("qpdf")
    assert qpdf, "qpdf is needed to check the PDF"
    check = subprocess.run([qpdf, "--check", str(target)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_the_dutch_interface_on_the_record_pages(make_window, store, coordinator, service, after_surgery, ui_app):
    i18n.install(ui_app, "nl")
    window = open_record(make_window, store, coordinator, after_surgery, lang="nl")
    record = window.record
    assert [record.nav.item(i).text() for i in range(record.nav.count())] == [
        "Patiënt",
        "Tijdlijn en video",
        "Laesies en pathologie",
        "Postoperatief beloop",
        "Vragenlijst",
        "Voltooien",
        "Documenten",
        "Query's",
        "Geschiedenis",
    ]
    patient = record.show_page("patient")
    assert patient.blocks["baseline"].title.text() == forms.crf().section("baseline").text("nl")
    assert patient.blocks["baseline"].save_button.text() == "Opslaan"
    assert "Fong" in patient.blocks["baseline"].note.text() and "klinische risicoscore" in (
        patient.blocks["baseline"].note.text()
    )
    lesions = record.show_page("lesions")
    assert lesions.list.item(0).text().startswith("Laesie 1")
    label = lesions.pathology.form.layout().labelForField(lesions.pathology.form.editors["margin_mm"])
    assert label.text().startswith("Resectiemarge")
    completion = record.show_page("completion")
    assert completion.complete_button.text() == "Voltooien en vergrendelen"
    missing = [completion.list.item(i).text() for i in range(completion.list.count())]
    assert "Laesie 1: Histologie" in missing
    assert record.show_page("questionnaire").sign_button.text() == "Vragenlijst ondertekenen…"
    assert record.show_page("documents").print_button.text() == "Opslaan als pdf…"


def test_fong_score_and_icg_interval_are_derived_not_typed(make_window, store, coordinator, after_surgery, actions):
    window = open_record(make_window, store, coordinator, after_surgery)
    patient = window.record.show_page("patient")
    # N1, synchronous (0 months), two lesions; 30 mm and CEA 12 stay under their thresholds.
    note = patient.blocks["baseline"].note.text()
    assert "Fong clinical risk score (derived): 3 of 5" in note
    assert not any("fong" in name for name in patient.findChild(SectionEditor, "section_baseline").form.editors)
    cea = patient.blocks["baseline"].form.editors["cea"].input
    cea.clear()
    actions.type(cea, "250")
    assert "4 of 5" in patient.blocks["baseline"].note.text(), "the score follows what is typed"
    icg = patient.blocks["icg"]
    assert "ICG to incision: 23:00:00" in icg.note.text()
    assert icg.note.property("warning") is False
    given = icg.form.editors["icg_given_at"].input
    actions.set_moment(given, parse_typed(given.text()) - timedelta(hours=20))
    assert "Outside the protocol window" in icg.note.text() and icg.note.property("warning") is True


def test_answers_changed_outside_the_application_show_a_broken_signature(
    make_window, store, service, surgeon, recorded
):

    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    sign_as(store, surgeon, recorded, SURGEON_PASSWORD)
    with store.transaction() as db:
        db.conn.execute("UPDATE field_values SET value='1' WHERE procedure_id=? AND field='q_usefulness'", (recorded,))
    window = open_record(make_window, store, surgeon, recorded)
    page = window.record.show_page("questionnaire")
    assert page.state.property("state") == "tampered"
    assert page.state.text().startswith("SIGNATURE BROKEN")
