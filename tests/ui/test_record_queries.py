"""The record pages show what does not add up where it is typed, count typed answers, and ask conditional fields."""

from __future__ import annotations

from datetime import timedelta

from mimic_desktop.domain.clock import utc_now
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.ui.record.section_editor import SectionEditor
from tests.support.record_window import open_record


def marked(block: SectionEditor) -> set[str]:
    return {name for name, editor in block.form.editors.items() if editor.input.property("invalid")}


def shown(block: SectionEditor) -> set[str]:
    layout = block.form.layout()
    return {name for name, editor in block.form.editors.items() if layout.isRowVisible(editor)}


def missing(window) -> list[str]:
    completion = window.record.show_page("completion")
    return [completion.list.item(i).text() for i in range(completion.list.count())]


def test_a_consent_date_in_the_future_is_named_beside_it_and_blocks_completion(
    make_window, store, coordinator, service, recorded, actions
):
    window = open_record(make_window, store, coordinator, recorded)
    assert missing(window) == []
    block = window.record.show_page("patient").blocks["eligibility"]
    future = utc_now().date() + timedelta(days=30)
    actions.set_date(block.form.editors["consent_date"].input, future)
    assert f"Date of consent ({future}) lies in the future" in block.problems.text()
    assert block.problems.isVisibleTo(window)
    assert marked(block) == {"consent_date"}
    actions.click(block.save_button)
    assert service.load(recorded).get("consent_date") == future.isoformat(), "queried, not refused: nothing is lost"
    assert missing(window) == [f"Date of consent ({future}) lies in the future"]
    assert not window.record.show_page("completion").complete_button.isEnabled()

    block = window.record.show_page("patient").blocks["eligibility"]
    actions.set_date(block.form.editors["consent_date"].input, utc_now().date() - timedelta(days=10))
    assert not block.problems.isVisibleTo(window) and marked(block) == set()
    actions.click(block.save_button)
    assert missing(window) == []


def test_an_icu_stay_longer_than_the_hospital_stay_is_named_on_the_post_operative_course(
    make_window, store, coordinator, service, recorded, actions
):
    window = open_record(make_window, store, coordinator, recorded)
    course = window.record.show_page("postop").course
    for name, days in (("icu_days", "2"), ("hospital_stay_days", "1")):
        course.form.editors[name].input.clear()
        actions.type(course.form.editors[name].input, days)
    assert "ICU stay (2 days) is longer than the hospital stay (1 days)" in course.problems.text()
    assert marked(course) == {"icu_days", "hospital_stay_days"}
    actions.click(course.save_button)
    assert missing(window) == ["ICU stay (2 days) is longer than the hospital stay (1 days)"]


def test_a_complication_starting_in_the_future_is_named_on_its_own_block(
    make_window, store, coordinator, service, recorded, actions
):
    window = open_record(make_window, store, coordinator, recorded)
    postop = window.record.show_page("postop")
    block = postop.complication
    actions.type(block.form.editors["description"].input, "Bile leak")
    actions.choose(block.form.editors["clavien_dindo"].input, "II")
    future = utc_now().date() + timedelta(days=3)
    actions.set_date(block.form.editors["onset_date"].input, future)
    assert f"Complication 1: Date of onset ({future}) lies in the future" in block.problems.text()
    assert marked(block) == {"onset_date"}
    assert not postop.course.problems.isVisibleTo(window), "the course's own block has nothing to say"
    actions.click(block.save_button)
    assert missing(window) == [f"Complication 1: Date of onset ({future}) lies in the future"]


def test_the_questionnaire_counts_the_answers_typed_before_they_are_saved(
    make_window, store, coordinator, service, recorded, actions
):
    window = open_record(make_window, store, coordinator, recorded)
    page = window.record.show_page("questionnaire")
    assert "Questions still to answer (marked *): 7" in page.details.text()
    editors = page.answers.form.editors
    for number, (name, answer) in enumerate(DEMO_QUESTIONNAIRE.items(), start=1):
        editor = editors[name]
        if editor.fdef.type == "likert":
            actions.click(editor._likert.button(answer))
        else:
            actions.choose(editor.input, answer)
        left = len(DEMO_QUESTIONNAIRE) - number
        expected = f"Questions still to answer (marked *): {left}" if left else "Every question is answered"
        assert expected in page.details.text()
    assert service.load(recorded).get("q_usefulness") is None, "typed, not yet saved"


def test_conditional_fields_are_asked_only_while_their_condition_holds(
    make_window, store, coordinator, service, recorded, actions
):
    window = open_record(make_window, store, coordinator, recorded)
    icg = window.record.show_page("patient").blocks["icg"]
    assert "icg_adverse_description" not in shown(icg)
    actions.choose(icg.form.editors["icg_adverse_reaction"].input, True)
    assert "icg_adverse_description" in shown(icg)
    assert "Adverse reaction to ICG: yes, but Description of the reaction is empty" in icg.problems.text()

    course = window.record.show_page("postop").course
    assert "readmission_planned" not in shown(course)
    actions.choose(course.form.editors["readmission"].input, True)
    assert "readmission_planned" in shown(course)

    lesions = window.record.show_page("lesions")
    pathology = lesions.pathology
    margin = pathology.form.editors["margin_mm"].input
    margin.clear()
    actions.type(margin, "4")
    pathology.form.editors["r1_type"].input.setCurrentIndex(0)  # no type: a margin of 4 mm is R0
    assert "r1_type" not in shown(pathology)
    margin.clear()
    actions.type(margin, "0.5")
    assert "r1_type" in shown(pathology)


def test_an_icg_time_in_the_future_is_named_on_the_icg_block(make_window, store, coordinator, recorded, actions):
    window = open_record(make_window, store, coordinator, recorded)
    icg = window.record.show_page("patient").blocks["icg"]
    actions.set_moment(icg.form.editors["icg_given_at"].input, utc_now() + timedelta(hours=2))
    # Beyond a few minutes of clock skew a time in the future is refused as typed, by the field's name, and
    # stays on screen, marked, to be corrected.
    _values, refused = icg.form.checked()
    assert refused["icg_given_at"].startswith("Time ICG was given: ") and "is in the future" in refused["icg_given_at"]
    assert marked(icg) == {"icg_given_at"}
