"""Each finding of a lesion takes the latest ratio measured on the frame of an event recording it."""

from __future__ import annotations

from mimic_desktop.domain import derive, forms
from mimic_desktop.domain.record import LesionRatio, Procedure


def kinds_of(finding: str) -> list[str]:
    return [kind for kind, event in forms.events().items() if event.finding == finding]


def ratio(lesion: str, kind: str, sbr: float, at: str) -> LesionRatio:
    return LesionRatio(lesion, kind, sbr, "nir", "sbr-mean-rectangles-1", at)


def test_the_latest_ratio_of_each_finding_whichever_event_recorded_it():
    specimen = forms.index_finding().name
    fluorescent, clear = kinds_of(specimen)[:2]
    other = next(f.name for f in forms.findings("lesion") if f.name != specimen)
    no_finding = next(kind for kind, event in forms.events().items() if not event.finding)
    proc = Procedure("p", "MIM-01-001", "01", "2026-12-01T08:00:00+00:00", "s")
    proc.fluorescence = [
        ratio("a", clear, 4.0, "2026-12-02T10:00:00+00:00"),
        ratio("a", fluorescent, 2.0, "2026-12-02T09:00:00+00:00"),
        ratio("a", kinds_of(other)[0], 5.0, "2026-12-02T08:00:00+00:00"),
        ratio("a", no_finding, 9.0, "2026-12-02T11:00:00+00:00"),
        ratio("b", fluorescent, 7.0, "2026-12-02T12:00:00+00:00"),
    ]
    found = derive.finding_ratios(proc, "a")
    assert {name: r.sbr for name, r in found.items()} == {specimen: 4.0, other: 5.0}
    assert derive.finding_ratios(proc, "c") == {}
