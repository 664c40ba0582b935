import re
from datetime import timedelta

from mimic_desktop import __version__
from mimic_desktop.domain import derive, forms, values
from mimic_desktop.domain.clock import local_text
from mimic_desktop.services.documents import write_summary_pdf
from mimic_desktop.services.signing import content_hash
from mimic_desktop.storage import audit
from tests.support.enrolment import ENROLMENT

from .conftest import LONG_DESCRIPTION, flat, read_pdf


def lesion_block(text: str, number: int) -> str:
    """The summary's text from lesion NUMBER's heading to the next heading of a lesion or section."""
    start = text.index(f"Lesion {number} Couinaud")
    ends = [text.find(mark, start + 1) for mark in (f"Lesion {number + 1} Couinaud", "Changes in surgical management")]
    return text[start : min(end for end in ends if end > 0)]


def summary_text(service, proc_id, path, lang="en"):
    written = write_summary_pdf(service, proc_id, path, lang=lang)
    assert written == path
    pages, reader = read_pdf(path)
    return pages, flat(" ".join(pages)), reader


def test_every_page_has_the_header_and_page_x_of_y(service, signed, tmp_path):
    pages, _, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    proc = service.load(signed)
    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        text = flat(page)
        assert f"Study ID: {proc.study_id}" in text
        assert f"Centre: {proc.centre}" in text
        assert f"Date of surgery: {derive.surgery_date(proc).isoformat()}" in text
        assert f"Status: {derive.status(proc).text()}" in text
        assert f"Page {number} of {len(pages)}" in text
        assert f"MIMIC Desktop {__version__}" in text


def test_icg_lesions_and_pathology_match_the_record(service, signed, tmp_path):
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    proc = service.load(signed)
    assert "ICG dose 10 mg" in text
    interval = derive.icg_interval(proc)
    minutes = round(interval.total_seconds() / 60)
    assert f"{minutes // 60} h {minutes % 60:02d} min (within the protocol window 18–30 h)" in text
    for lesion in proc.lesions:
        assessment = derive.assess_lesion(proc, lesion.id)
        block = lesion_block(text, lesion.number)
        margin = values.display(forms.field_def("margin_mm"), lesion.get("margin_mm"))
        histology = forms.field_def("histology").choice_text(lesion.get("histology"))
        specimen = "fluorescent" if assessment.specimen_fluorescent else "clear"
        initial, final = derive.r_status(lesion.get("margin_mm")), derive.final_r_status(lesion)
        r_text = initial if final == initial else f"{initial} → {final}"
        segments = ", ".join(lesion.get("segments"))
        assert f"Couinaud segment(s) {segments}" in block
        assert f"Size {lesion.get('size_mm'):g} mm" in block
        assert f"Specimen side (ICG) {specimen}" in block
        assert (
            f"Histology {histology}" in block
            and f"Resection margin {margin}" in block
            and f"R status {r_text}" in block
        )


def test_a_re_resection_shows_its_result_and_final_status(service, signed, tmp_path):
    proc = service.load(signed)
    reresected = [lesion for lesion in proc.lesions if derive.assess_lesion(proc, lesion.id).reresection == "done"]
    assert reresected, "the fixture should hold a cavity re-resection"
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    for lesion in reresected:
        block = lesion_block(text, lesion.number)
        assert "Re-resection done" in block
        assert f"Final margin after re-resection {lesion.get('final_margin_mm'):g} mm" in block


def test_complications_wrap_whole_and_a_late_one_is_flagged(service, signed, tmp_path):
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    assert LONG_DESCRIPTION in text
    assert "Complication 1 Complication" in text and "Complication 2 Complication Incisional hernia" in text
    assert "Clavien-Dindo grade IIIa Date of onset" in text
    assert "Still present at discharge (suffix d) Yes" in text
    assert "Days after surgery 120 LATE: more than 90 days after surgery" in text
    assert text.count("LATE:") == 1


def test_management_changes_and_the_struck_event(service, signed, tmp_path):
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    changes = derive.management_changes(service.load(signed))
    assert f"Additional resection of a fluorescent cavity {changes.cavity_reresection}" in text
    assert f"Transection plane adapted {changes.plane_adapted}" in text
    assert "struck through: typed in the wrong record" in text


def test_signature_and_audit_chain_head_are_printed(service, signed, tmp_path):
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    proc = service.load(signed)
    signature = proc.valid_signature()
    assert "Signed electronically by Sjoerd Citroën (sam.surgeon)" in text
    assert "Author: these answers were entered on my word" in text
    assert signature.content_hash == content_hash(proc)
    assert signature.content_hash in text.replace(" ", "")
    assert "Signature valid: the answers are unchanged" in text
    head = audit.check(service.store.conn).head_hash
    assert head in text.replace(" ", "")
    assert "intact" in text


def test_a_tampered_answer_shows_on_the_summary(store, service, signed, tmp_path):
    with store.transaction() as db:
        db.conn.execute("UPDATE field_values SET value='1' WHERE procedure_id=? AND field='q_usefulness'", (signed,))
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    assert "SIGNATURE BROKEN" in text
    assert "DAMAGED" in text  # the value no longer matches its audit entry


def test_dutch_summary_with_embedded_fonts(service, signed, tmp_path):
    _, text, reader = summary_text(service, signed, tmp_path / "samenvatting.pdf", lang="nl")
    assert "Samenvatting van de ingreep" in text
    assert "Pagina 1 van" in text
    assert "Veranderingen in chirurgisch beleid" in text
    assert forms.crf().section("postop").text("nl") in text
    fonts_used = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = (
                font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                if "/DescendantFonts" in font
                else font.get("/FontDescriptor")
            )
            assert descriptor is not None and "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
            fonts_used.add(str(font["/BaseFont"]).split("+")[-1])
    assert {"DejaVuSans", "DejaVuSans-Bold"} <= fonts_used


def test_an_unfinished_record_lists_what_is_missing(service, tmp_path):
    proc_id = service.create("MIM-01-050", "01", ENROLMENT | {"age": 70})
    _, text, _ = summary_text(service, proc_id, tmp_path / "draft.pdf")
    assert "Still missing before the record can be completed" in text
    assert "Event: Incision" in text
    assert "Sex not entered" in text
    assert "The questionnaire is not signed." in text


def test_a_ten_lesion_summary(service, tmp_path):
    import random

    from mimic_desktop.services.simulate import record_procedure

    proc_id = record_procedure(service, random.Random(8), lesions=10)
    pages, text, _ = summary_text(service, proc_id, tmp_path / "ten.pdf")
    assert "Lesion 10" in text
    assert all(f"{n} " in text for n in range(1, 11))
    assert f"Page {len(pages)} of {len(pages)}" in text


def test_signed_time_is_printed_in_local_time(service, signed, tmp_path):
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    signed_at = service.load(signed).valid_signature().signed_at
    assert local_text(signed_at, seconds=True) in text


def test_planned_readmission_is_marked_and_empty_optional_fields_stay_off(service, signed, tmp_path):
    service.set_values(signed, {"readmission": True, "readmission_planned": True})
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    assert "The readmission was planned Yes (planned: not a complication)" in text
    assert forms.field_def("icg_adverse_description").text() not in text  # no reaction: the question is hidden


def test_a_removed_lesion_is_left_out_and_its_struck_event_still_names_it(service, signed, tmp_path):
    proc = service.load(signed)
    during_surgery = proc.first_event("incision").moment + timedelta(minutes=1)
    occult = service.record_event(signed, "occult_lesion", at=during_surgery)
    service.strike_event(occult, "pressed O instead of L")
    _, text, _ = summary_text(service, signed, tmp_path / "summary.pdf")
    assert "struck through: pressed O instead of L; lesion 5 removed from the record" in text
    record, trail = text.split("Audit trail")
    assert "Lesion 5" not in record, "the removed lesion has no row of its own in the timeline drawing"
    held = re.search(r"Lesion 5 removed from the record; it held: (.*?) pressed O instead of L", trail)
    assert held, "a removed lesion is shown with what it held"
    assert "Occult" in held.group(1) or "occult" in held.group(1)
    assert [lesion.number for lesion in service.load(signed).lesions] == [1, 2, 3, 4]
