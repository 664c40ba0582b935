"""Rules across fields and events, each failing with a message that names the problem."""

from __future__ import annotations

import re
from datetime import datetime

from . import derive, forms
from .clock import from_iso, local_text
from .errors import ValidationError
from .record import Event, Lesion, Procedure

STUDY_ID_PATTERN = re.compile(r"^MIM-(\d{2})-(\d{3})$")
CENTRE_PATTERN = re.compile(r"^\d{2}$")


def check_study_id(study_id: str, centre: str | None = None) -> str:
    """A study ID is MIM-CC-NNN: the two-digit centre code and a three-digit patient number."""
    text = (study_id or "").strip().upper()
    match = STUDY_ID_PATTERN.match(text)
    if not match:
        raise ValidationError(
            f"Study ID {study_id!r} does not have the form MIM-CC-NNN (for example MIM-03-017): "
            "MIM, the two-digit centre code and a three-digit patient number.",
            field="study_id",
        )
    if centre is not None and match.group(1) != centre:
        raise ValidationError(
            f"Study ID {text} belongs to centre {match.group(1)}, but this laptop is set to centre {centre}.",
            field="study_id",
        )
    return text


def check_centre(centre: str) -> str:
    text = (centre or "").strip()
    if not CENTRE_PATTERN.match(text):
        raise ValidationError(f"Centre code {centre!r} must be two digits, for example 03.", field="centre")
    return text


def check_event_time(proc: Procedure, kind: str, at: datetime) -> None:
    """An event may not come before the incision, nor ICG after it; closure ends the timeline."""
    given = proc.get("icg_given_at")
    if kind == "incision" and given and at < from_iso(given):
        raise ValidationError("The incision cannot be before ICG was given: check the ICG time.", field="icg_given_at")
    incision = derive.incision_time(proc)
    if kind not in {"incision", "note"} and incision and at < incision:
        raise ValidationError(
            f"{forms.events()[kind].text()} cannot be before the incision.",
            field="at",
        )
    closure = derive.closure_time(proc)
    if kind != "note" and closure and at > closure and kind != "closure":
        raise ValidationError("Surgery has ended: strike through the end of surgery first to add more events.")
    if kind in {"incision", "closure"} and proc.first_event(kind):
        name = forms.events()[kind].text()
        raise ValidationError(f"{name} is already recorded; strike it through with a reason to record it again.")


def check_corrected_time(event: Event, at: datetime) -> None:
    """A time correction changes the time: the same second again would strike the event for nothing."""
    if int(at.timestamp()) == int(event.moment.timestamp()):
        raise ValidationError(
            f"{forms.events()[event.kind].text()} is already at {local_text(at, seconds=True)}: "
            "give the time it really happened."
        )


def check_icg_time(proc: Procedure, given_iso: str | None) -> None:
    incision = derive.incision_time(proc)
    if given_iso and incision and from_iso(given_iso) > incision:
        raise ValidationError("ICG cannot be given after the incision.", field="icg_given_at")


# Findings a lesion has once: a second one, of the same or the other kind, is refused. The specimen
# finding decides true or false positive for the primary end point, so the record may not hold two.
ONE_FINDING_PER_LESION = {
    "specimen": ("specimen_fluorescent", "specimen_clear"),
    "re-resection outcome": ("reresection_done", "reresection_not_feasible", "reresection_not_safe"),
}


def check_lesion_event(proc: Procedure, kind: str, lesion_id: str | None) -> None:
    catalogue = forms.events()
    needs = catalogue[kind].lesion
    if needs == "required" and lesion_id is None:
        raise ValidationError(f"{catalogue[kind].text()}: choose the lesion it belongs to first.")
    if not lesion_id:
        return
    events = proc.lesion_events(lesion_id)
    kinds = {e.kind for e in events}
    number = proc.lesion(lesion_id).number
    assessed = kind in {"specimen_fluorescent", "specimen_clear", "cavity_fluorescent", "reresection_done"}
    if assessed and "transection_start" not in kinds and "ablation" not in kinds:
        raise ValidationError(f"Lesion {number}: record the transection start before assessing the specimen.")
    for finding, exclusive in ONE_FINDING_PER_LESION.items():
        earlier = next((e for e in events if e.kind in exclusive), None)
        if kind in exclusive and earlier is not None:
            raise ValidationError(
                f"Lesion {number}: the {finding} is already recorded as "
                f"{catalogue[earlier.kind].text()} at {local_text(earlier.at, seconds=True)}. "
                "To record a different one, strike that through with a reason first."
            )


def lesion_creating_events(proc: Procedure, lesion_id: str) -> list[Event]:
    """The live events that identified this lesion (they go when the lesion goes)."""
    catalogue = forms.events()
    return [e for e in proc.lesion_events(lesion_id) if catalogue[e.kind].lesion == "creates"]


def lesion_removed_with(proc: Procedure, event: Event) -> Lesion | None:
    """The lesion that striking this event removes: the one it identified, while it is in the record."""
    if forms.events()[event.kind].lesion != "creates":
        return None
    return next((lesion for lesion in proc.lesions if lesion.id == event.lesion_id), None)


def check_lesion_removable(proc: Procedure, lesion: Lesion) -> None:
    """A lesion leaves the record only when no live event but the one that identified it refers to it."""
    catalogue = forms.events()
    others = [e for e in proc.lesion_events(lesion.id) if catalogue[e.kind].lesion != "creates"]
    if others:
        named = ", ".join(f"{catalogue[e.kind].text()} at {local_text(e.at, seconds=True)}" for e in others)
        raise ValidationError(
            f"Lesion {lesion.number} still has events that are not struck through: {named}. "
            "Strike those through first if they are wrong too, then remove the lesion."
        )


# Each message in English and Dutch: the record pages, the checklist and the summary speak the reader's language.
MESSAGES = {
    "lesion": ("Lesion {number}", "Laesie {number}"),
    "complication": ("Complication {number}", "Complicatie {number}"),
    "r1_type_missing": (
        "{label}: the margin is under 1 mm (R1): say whether the R1 is vascular or parenchymal.",
        "{label}: de marge is kleiner dan 1 mm (R1): geef aan of de R1 vasculair of parenchymateus is.",
    ),
    "r1_type_but_r0": (
        "{label}: an R1 type is given but the margin of {margin:g} mm is R0.",
        "{label}: er is een type R1 opgegeven, maar de marge van {margin:g} mm is R0.",
    ),
    "result_without_reresection": (
        "{label}: {field} is filled in, but no cavity re-resection was recorded.",
        "{label}: {field} is ingevuld, maar er is geen naresectie van de holte vastgelegd.",
    ),
    "reresection_needs_result": (
        "{label}: a cavity re-resection was recorded: fill in {field}.",
        "{label}: er is een naresectie van de holte vastgelegd: vul in: {field}.",
    ),
    "final_margin_smaller": (
        "{label}: the final margin ({final:g} mm) is smaller than the initial one ({margin:g} mm).",
        "{label}: de uiteindelijke marge ({final:g} mm) is kleiner dan de eerste ({margin:g} mm).",
    ),
    "onset_before_surgery": (
        "{label}: the onset ({onset}) is before the surgery ({day}).",
        "{label}: het ontstaan ({onset}) ligt vóór de operatie ({day}).",
    ),
    "planned_without_readmission": (
        "A planned readmission is given, but no readmission within 90 days was recorded.",
        "Er is een geplande heropname opgegeven, maar geen heropname binnen 90 dagen vastgelegd.",
    ),
    "event": ("Event: {event}", "Gebeurtenis: {event}"),
    "no_lesion": ("At least one lesion", "Ten minste één laesie"),
    "specimen": (
        "{label}: specimen fluorescence (fluorescent or clear)",
        "{label}: fluorescentie van het preparaat (fluorescent of schoon)",
    ),
    "ineligible": (
        "The patient does not meet the eligibility criteria",
        "De patiënt voldoet niet aan de geschiktheidscriteria",
    ),
}


def say(key: str, lang: str = "en", **values) -> str:
    """One of the MESSAGES in the language asked for (English for any other)."""
    english, dutch = MESSAGES[key]
    return (dutch if lang == "nl" else english).format(**values)


def lesion_problems(proc: Procedure, lesion: Lesion, lang: str = "en") -> list[str]:
    """Inconsistencies in the pathology of one lesion."""
    problems = []
    label = say("lesion", lang, number=lesion.number)
    margin = lesion.get("margin_mm")
    status = derive.r_status(margin)
    if status == "R1" and lesion.get("r1_type") is None:
        problems.append(say("r1_type_missing", lang, label=label))
    if status == "R0" and lesion.get("r1_type") is not None:
        problems.append(say("r1_type_but_r0", lang, label=label, margin=margin))
    reresected = derive.assess_lesion(proc, lesion.id).reresection == "done"
    for name in ("final_margin_mm", "reresection_tumour"):
        if lesion.get(name) is not None and not reresected:
            field = forms.field_def(name).text(lang)
            problems.append(say("result_without_reresection", lang, label=label, field=field))
    if reresected and margin is not None:
        for name in ("reresection_tumour", "final_margin_mm"):
            if lesion.get(name) is None:
                field = forms.field_def(name).text(lang).lower()
                problems.append(say("reresection_needs_result", lang, label=label, field=field))
    final = lesion.get("final_margin_mm")
    if final is not None and margin is not None and final < margin:
        problems.append(say("final_margin_smaller", lang, label=label, final=final, margin=margin))
    return problems


def pathology_problems(proc: Procedure, lang: str = "en") -> list[str]:
    """Inconsistencies in the pathology of the lesions."""
    return [problem for lesion in proc.lesions for problem in lesion_problems(proc, lesion, lang)]


def postop_problems(proc: Procedure, lang: str = "en") -> list[str]:
    """Inconsistencies in the post-operative course (a complication after 90 days is flagged, not refused)."""
    problems = []
    day = derive.surgery_date(proc)
    for comp in proc.complications:
        onset = comp.get("onset_date")
        if day is not None and onset is not None and onset < day.isoformat():
            label = say("complication", lang, number=comp.number)
            problems.append(say("onset_before_surgery", lang, label=label, onset=onset, day=day))
    if proc.get("readmission_planned") is not None and not proc.get("readmission"):
        problems.append(say("planned_without_readmission", lang))
    return problems


def _missing_fields(values: dict, section_names: list[str], label: str, lang: str, form=None) -> list[str]:
    form = form or forms.crf()
    missing = []
    for name in section_names:
        for fdef in form.section(name).fields:
            if fdef.required and values.get(fdef.name) is None:
                missing.append(f"{label}{fdef.text(lang)}")
    return missing


def missing_for_completion(proc: Procedure, lang: str = "en") -> list[str]:
    """What must still be entered before the record can be marked complete and locked."""
    missing = _missing_fields(proc.values, ["eligibility", "baseline", "icg", "surgery", "postop"], "", lang)
    for kind in ("incision", "closure"):
        if proc.first_event(kind) is None:
            missing.append(say("event", lang, event=forms.events()[kind].text(lang)))
    if not proc.lesions:
        missing.append(say("no_lesion", lang))
    for lesion in proc.lesions:
        label = say("lesion", lang, number=lesion.number)
        sections = ["lesion"] + (["pathology"] if lesion.get("treatment") == "resection" else [])
        missing += _missing_fields(lesion.values, sections, f"{label}: ", lang)
        if (
            lesion.get("treatment") == "resection"
            and derive.assess_lesion(proc, lesion.id).specimen_fluorescent is None
        ):
            missing.append(say("specimen", lang, label=label))
    for comp in proc.complications:
        label = say("complication", lang, number=comp.number)
        missing += _missing_fields(comp.values, ["complication"], f"{label}: ", lang)
    missing += pathology_problems(proc, lang)
    missing += postop_problems(proc, lang)
    if derive.eligibility_failures(proc):
        missing.append(say("ineligible", lang))
    return missing


def missing_for_signature(proc: Procedure, lang: str = "en") -> list[str]:
    return _missing_fields(proc.values, ["questionnaire"], "", lang, forms.questionnaire())
