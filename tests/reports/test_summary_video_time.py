"""The summary PDF, read back, shows each event's position in the video recording beside its time once a reference
is set (in English and Dutch), an event before the recording with its minus sign, and no such column without one."""

from __future__ import annotations

from mimic_desktop.domain import forms, video_time
from mimic_desktop.services.documents import write_summary_pdf

from .conftest import flat, read_pdf


def _text(service, proc_id, path, lang="en") -> str:
    write_summary_pdf(service, proc_id, path, lang=lang)
    pages, _ = read_pdf(path)
    return flat(" ".join(pages))


def test_the_positions_are_printed_beside_the_times(service, signed, tmp_path):
    assert "+min Event" in _text(service, signed, tmp_path / "before.pdf"), "no video column without a reference"
    proc = service.load(signed)
    second = proc.live_events()[1]
    incision = proc.first_event(forms.marking("surgery_start").kind)
    service.set_video_reference(signed, "0:00:30", event_id=second.id, reason="read off the recording afterwards")
    proc = service.load(signed)
    positions = video_time.positions(proc)
    assert positions[incision.id] < 0, "the incision came before the recording in this case"
    text = _text(service, signed, tmp_path / "after.pdf")
    timeline = text.split("Intraoperative timeline")[1]
    assert "Time +min Video Event" in timeline
    for event in proc.events:
        assert video_time.shown(positions[event.id]) in timeline
    assert "-0:" in timeline, "an event before the recording is printed with its sign"
    dutch = _text(service, signed, tmp_path / "nl.pdf", lang="nl")
    assert video_time.shown(positions[second.id]) in dutch
