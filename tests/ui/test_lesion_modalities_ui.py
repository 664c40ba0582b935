"""Every modality a lesion was seen with and the two-stage flag through the Record tab's lesion page, in Dutch:
the modalities by their words, saved in the form's order, and a contradiction refused in words."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from mimic_desktop.ui import i18n
from tests.support.enrolment import in_surgery
from tests.support.record_window import open_record


def checks(editor) -> dict[str, QCheckBox]:
    return {check.text(): check for check in editor.input.findChildren(QCheckBox)}


def test_modalities_and_two_stage_on_the_lesion_page_in_dutch(
    make_window, store, coordinator, service, actions, ui_app, shown_errors
):
    i18n.install(ui_app, "nl")
    proc_id = in_surgery(service)
    (lesion,) = service.load(proc_id).lesions
    window = open_record(make_window, store, coordinator, proc_id, lang="nl")
    page = window.record.show_page("lesions")
    editors = page.lesion_block.form.editors
    boxes = checks(editors["seen_with"])
    assert list(boxes) == ["Preoperatieve beeldvorming", "Wit licht", "ICG-fluorescentie", "Intraoperatieve echografie"]
    actions.click(boxes["Intraoperatieve echografie"])
    actions.click(boxes["Preoperatieve beeldvorming"])
    actions.choose(editors["detected_by"].input, "preop_imaging")
    actions.choose(editors["two_stage"].input, True)
    actions.click(page.lesion_block.save_button)
    stored = service.load(proc_id).lesion(lesion.id)
    assert (stored.get("seen_with"), stored.get("detected_by"), stored.get("two_stage")) == (
        ["preop_imaging", "ious"],
        "preop_imaging",
        True,
    )

    actions.choose(editors["detected_by"].input, "icg")
    actions.click(page.lesion_block.save_button)
    assert len(shown_errors) == 1 and "noemt die niet" in shown_errors[0]
    shown_errors.clear()
    assert service.load(proc_id).lesion(lesion.id).get("detected_by") == "preop_imaging", "nothing saved"
    actions.click(boxes["ICG-fluorescentie"])
    actions.click(page.lesion_block.save_button)
    assert service.load(proc_id).lesion(lesion.id).get("seen_with") == ["preop_imaging", "icg", "ious"]
    assert service.load(proc_id).lesion(lesion.id).get("detected_by") == "icg"
