"""Rules across fields and events, each failing with a message that names the problem."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from . import derive, forms
from .clock import from_iso, local_text, utc_now
from .errors import ValidationError
from .forms import FieldDef
from .record import Complication, Event, Lesion, Procedure
from .subject_status import SubjectStatus
from .values import display
from .wording import Text, TextList, say

STUDY_ID_PATTERN = re.compile(r"^MIM-(\d{2})-(\d{3})$")
CENTRE_PATTERN = re.compile(r"^\d{2}$")


def check_study_id(study_id: str, centre: str | None = None, lang: str = "en") -> str:
    """A study ID is MIM-CC-NNN: the two-digit centre code and a three-digit patient number."""
    text = (study_id or "").strip().upper()
    match = STUDY_ID_PATTERN.match(text)
    if not match:
        raise ValidationError(
            say(
                "Study ID {given!r} does not have the form MIM-CC-NNN (for example MIM-03-017): MIM, the two-digit centre code and a three-digit patient number.",
                lang,
                given=study_id,
            ),
            field="study_id",
        )
    if centre is not None and match.group(1) != centre:
        raise ValidationError(
            say(
                "Study ID {study_id} belongs to centre {found}, but this laptop is set to centre {centre}.",
                lang,
                study_id=text,
                found=match.group(1),
                centre=centre,
            ),
            field="study_id",
        )
    return text


def check_centre(centre: str, lang: str = "en") -> str:
    text = (centre or "").strip()
    if not CENTRE_PATTERN.match(text):
        raise ValidationError(
            say("Centre code {given!r} must be two digits, for example 03.", lang, given=centre), field="centre"
        )
    return text


def check_event_time(proc: Procedure, kind: str, at: datetime) -> None:
    """ICG comes before the incision; closure ends the timeline; incision and closure are recorded once.

    What must come before each event is declared in forms/events.json and checked by event_order.
    """
    given = proc.get("icg_given_at")
    if kind == "incision" and given and at < from_iso(given):
        raise ValidationError(
            Text("The incision cannot be before ICG was given: check the ICG time."), field="icg_given_at"
        )
    closure = derive.closure_time(proc)
    if kind != "note" and closure and at > closure and kind != "closure":
        raise ValidationError(Text("Surgery has ended: strike through the end of surgery first to add more events."))
    if kind in {"incision", "closure"} and proc.first_event(kind):
        raise ValidationError(
            Text(
                "{event} is already recorded; strike it through with a reason to record it again.",
                event=forms.events()[kind],
            )
        )


def check_corrected_time(event: Event, at: datetime) -> None:
    """A time correction changes the time: the same second again would strike the event for nothing."""
    if int(at.timestamp()) == int(event.moment.timestamp()):
        raise ValidationError(
            Text(
                "{event} is already at {at}: give the time it really happened.",
                event=forms.events()[event.kind],
                at=local_text(at, seconds=True),
            )
        )


def check_icg_time(proc: Procedure, given_iso: str | None) -> None:
    incision = derive.incision_time(proc)
    if given_iso and incision and from_iso(given_iso) > incision:
        raise ValidationError(Text("ICG cannot be given after the incision."), field="icg_given_at")


# Findings a lesion has once: a second one, of the same or the other kind, is refused. The specimen
# finding decides true or false positive for the primary end point, so the record may not hold two.
ONE_FINDING_PER_LESION = {
    Text("specimen"): ("specimen_fluorescent", "specimen_clear"),
    Text("re-resection outcome"): ("reresection_done", "reresection_not_feasible", "reresection_not_safe"),
}


def check_lesion_event(proc: Procedure, kind: str, lesion_id: str | None) -> None:
    catalogue = forms.events()
    needs = catalogue[kind].lesion
    if needs == "required" and lesion_id is None:
        raise ValidationError(Text("{event}: choose the lesion it belongs to first.", event=catalogue[kind]))
    if not lesion_id:
        return
    events = proc.lesion_events(lesion_id)
    number = proc.lesion(lesion_id).number
    for finding, exclusive in ONE_FINDING_PER_LESION.items():
        earlier = next((e for e in events if e.kind in exclusive), None)
        if kind in exclusive and earlier is not None:
            raise ValidationError(
                Text(
                    "Lesion {number}: the {finding} is already recorded as {event} at {at}. "
                    "To record a different one, strike that through with a reason first.",
                    number=number,
                    finding=finding,
                    event=catalogue[earlier.kind],
                    at=local_text(earlier.at, seconds=True),
                )
            )


def check_lesion_values(lesion: Lesion, changes: Mapping[str, Any], lang: str = "en") -> None:
    """A lesion recorded as occult (new) was not shown by the pre-operative imaging: refuse the two together; and
    the modalities it was seen with include the one it was detected by.

    Checked only when the change sets the source or how the lesion was detected, so that an unrelated field
    of an older record that holds both can still be saved.
    """
    if not {"source", "detected_by", "seen_with"} & changes.keys():
        return
    values = {**lesion.values, **changes}
    if values.get("source") == "occult" and values.get("detected_by") == "preop_imaging":
        raise ValidationError(
            say(
                "Lesion {number}: {source} is {occult}, but {detected_by} is {imaging}. An occult lesion is one the "
                "pre-operative imaging did not show: correct one of the two.",
                lang,
                number=lesion.number,
                source=_label("source", lang),
                occult=_shown("source", "occult", lang),
                detected_by=_label("detected_by", lang),
                imaging=_shown("detected_by", "preop_imaging", lang),
            ),
            field="detected_by",
        )
    _check_seen_with(lesion.number, values, changes, lang)


def _check_seen_with(number: int, values: Mapping[str, Any], changes: Mapping[str, Any], lang: str) -> None:
    """Every modality a lesion was seen with includes the one it was detected by, and an occult lesion was not seen
    on the pre-operative imaging."""
    seen = values.get("seen_with") or []
    if not seen:
        return
    detected = values.get("detected_by")
    if detected and detected not in seen:
        raise ValidationError(
            say(
                "Lesion {number}: {detected_by} is {modality}, which {seen_with} does not list. The modality that "
                "detected the lesion is one it was seen with: add it, or correct {detected_by}.",
                lang,
                number=number,
                detected_by=_label("detected_by", lang),
                modality=_shown("detected_by", detected, lang),
                seen_with=_label("seen_with", lang),
            ),
            field="seen_with" if "seen_with" in changes else "detected_by",
        )
    if values.get("source") == "occult" and "preop_imaging" in seen:
        raise ValidationError(
            say(
                "Lesion {number}: {source} is {occult}, but {seen_with} lists {imaging}. An occult lesion is one the "
                "pre-operative imaging did not show: correct one of the two.",
                lang,
                number=number,
                source=_label("source", lang),
                occult=_shown("source", "occult", lang),
                seen_with=_label("seen_with", lang),
                imaging=_shown("detected_by", "preop_imaging", lang),
            ),
            field="seen_with" if "seen_with" in changes else "source",
        )


def unfinished_at_closure(proc: Procedure, lang: str = "en") -> list[str]:
    """What makes a record look unfinished at the end of surgery: no incision, or a lesion (not ablated or
    left alone) without a specimen finding. The live screen asks before it records the end."""
    unfinished = []
    if proc.first_event("incision") is None:
        unfinished.append(say("No incision is recorded.", lang))
    for lesion in proc.lesions:
        if lesion.get("treatment") in {"ablation", "none"}:
            continue
        if derive.assess_lesion(proc, lesion.id).specimen_fluorescent is None:
            label = say("Lesion {number}", lang, number=lesion.number)
            unfinished.append(say("{label} has no specimen finding (fluorescent or clear).", lang, label=label))
    return unfinished


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
        named = [Text("{event} at {at}", event=catalogue[e.kind], at=local_text(e.at, seconds=True)) for e in others]
        raise ValidationError(
            Text(
                "Lesion {number} still has events that are not struck through: {events}. "
                "Strike those through first if they are wrong too, then remove the lesion.",
                number=lesion.number,
                events=TextList(named),
            )
        )


def lesion_problems(proc: Procedure, lesion: Lesion, lang: str = "en") -> list[str]:
    """Inconsistencies in the pathology of one lesion."""
    problems = []
    label = say("Lesion {number}", lang, number=lesion.number)
    margin = lesion.get("margin_mm")
    status = derive.r_status(margin)
    if status == "R1" and lesion.get("r1_type") is None:
        problems.append(
            say(
                "{label}: the margin is under 1 mm (R1): say whether the R1 is vascular or parenchymal.",
                lang,
                label=label,
            )
        )
    if status == "R0" and lesion.get("r1_type") is not None:
        problems.append(
            say("{label}: an R1 type is given but the margin of {margin:g} mm is R0.", lang, label=label, margin=margin)
        )
    reresected = derive.assess_lesion(proc, lesion.id).reresection == "done"
    for name in RERESECTION_RESULTS:
        if lesion.get(name) is not None and not reresected:
            field = forms.field_def(name).text(lang)
            problems.append(
                say(
                    "{label}: {field} is filled in, but no cavity re-resection was recorded.",
                    lang,
                    label=label,
                    field=field,
                )
            )
    if reresected and margin is not None:
        for name in RERESECTION_RESULTS:
            if lesion.get(name) is None:
                field = forms.field_def(name).text(lang).lower()
                problems.append(
                    say("{label}: a cavity re-resection was recorded: fill in {field}.", lang, label=label, field=field)
                )
    final = lesion.get("final_margin_mm")
    if final is not None and margin is not None and final < margin:
        problems.append(
            say(
                "{label}: the final margin ({final:g} mm) is smaller than the initial one ({margin:g} mm).",
                lang,
                label=label,
                final=final,
                margin=margin,
            )
        )
    return problems


# The results of a cavity re-resection: asked only for a lesion whose re-resection was recorded.
RERESECTION_RESULTS = ("reresection_tumour", "final_margin_mm")


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
            label = say("Complication {number}", lang, number=comp.number)
            problems.append(
                say(
                    "{label}: the onset ({onset}) is before the surgery ({day}).",
                    lang,
                    label=label,
                    onset=onset,
                    day=day,
                )
            )
    if proc.get("readmission_planned") is not None and not proc.get("readmission"):
        problems.append(say("A planned readmission is given, but no readmission within 90 days was recorded.", lang))
    return problems


def _missing_fields(
    values: Mapping[str, Any], section_names: list[str], label: str, lang: str, form: forms.FormDef | None = None
) -> list[str]:
    form = form or forms.crf()
    missing = []
    for name in section_names:
        for fdef in form.section(name).fields:
            if fdef.required and values.get(fdef.name) is None:
                missing.append(f"{label}{fdef.text(lang)}")
    return missing


def missing_for_completion(proc: Procedure, lang: str = "en", now: datetime | None = None) -> list[str]:
    """What must still be entered, or corrected, before the record can be marked complete and locked.

    A patient no longer enrolled (withdrawn, excluded, not operated) is left out of the analysis, as the paper
    left them out, so their record is complete as it stands: only a value that is wrong keeps it open.
    """
    if not SubjectStatus(proc.subject_status).analysed:
        return [query.text for query in plausibility_queries(proc, now or utc_now(), lang)]
    missing = _missing_fields(proc.values, ["eligibility", "baseline", "icg", "surgery", "postop"], "", lang)
    for kind in ("incision", "closure"):
        if proc.first_event(kind) is None:
            missing.append(say("Event: {event}", lang, event=forms.events()[kind].text(lang)))
    if not proc.lesions:
        missing.append(say("At least one lesion", lang))
    for lesion in proc.lesions:
        label = say("Lesion {number}", lang, number=lesion.number)
        sections = ["lesion"] + (["pathology"] if lesion.get("treatment") == "resection" else [])
        missing += _missing_fields(lesion.values, sections, f"{label}: ", lang)
        if (
            lesion.get("treatment") == "resection"
            and derive.assess_lesion(proc, lesion.id).specimen_fluorescent is None
        ):
            missing.append(say("{label}: specimen fluorescence (fluorescent or clear)", lang, label=label))
    for comp in proc.complications:
        label = say("Complication {number}", lang, number=comp.number)
        missing += _missing_fields(comp.values, ["complication"], f"{label}: ", lang)
    missing += pathology_problems(proc, lang)
    missing += postop_problems(proc, lang)
    missing += [query.text for query in plausibility_queries(proc, now or utc_now(), lang)]
    if derive.eligibility_failures(proc):
        missing.append(say("The patient does not meet the eligibility criteria", lang))
    return missing


def missing_for_signature(proc: Procedure, lang: str = "en") -> list[str]:
    return _missing_fields(proc.values, ["questionnaire"], "", lang, forms.questionnaire())


@dataclass(frozen=True)
class Query:
    """A problem with the values entered, in words, and the fields it concerns.

    entry_id names the complication (or lesion) whose fields they are; "" for the procedure's own.
    """

    text: str
    fields: tuple[str, ...]
    entry_id: str = ""

    def __str__(self) -> str:
        return self.text


def draft(values: Mapping[str, Any]) -> Procedure:
    """A procedure not yet enrolled, holding the values entered for it, for the rules to read."""
    return Procedure(id="", study_id="", centre="", created_at="", session_id="", values=dict(values))


def enrolment_problems(values: Mapping[str, Any], now: datetime, lang: str = "en") -> list[Query]:
    """What stops a patient with these values from being enrolled: a needed field still empty
    (forms/: "enrolment"), an eligibility criterion not met, or an implausible value."""
    proc = draft(values)
    problems = [
        Query(say("{field}: still to fill in", lang, field=fdef.text(lang)), (fdef.name,))
        for fdef in forms.crf().fields("procedure")
        if fdef.enrolment and proc.get(fdef.name) is None
    ]
    unmet = derive.unmet_criteria(proc)
    problems += [
        Query(text, (fdef.name,)) for fdef, text in zip(unmet, derive.eligibility_failures(proc, lang), strict=True)
    ]
    return problems + plausibility_queries(proc, now, lang)


def _shown(name: str, value: Any, lang: str) -> str:
    return display(forms.field_def(name), value, lang)


def _label(name: str, lang: str) -> str:
    return forms.field_def(name).text(lang)


def _in_future(name: str, value: Any, now: datetime, lang: str, entry_id: str = "", prefix: str = "") -> list[Query]:
    """A date or time of something that has happened, given as later than now."""
    if value is None:
        return []
    if forms.field_def(name).type == "date":
        later = date.fromisoformat(value) > now.astimezone(forms.study_time_zone()).date()
    else:
        later = from_iso(value) > now
    if not later:
        return []
    text = prefix + say(
        "{field} ({value}) lies in the future", lang, field=_label(name, lang), value=_shown(name, value, lang)
    )
    return [Query(text, (name,), entry_id)]


def _study_day(moment_iso: str) -> date:
    return from_iso(moment_iso).astimezone(forms.study_time_zone()).date()


def consent_queries(proc: Procedure, now: datetime, lang: str = "en") -> list[Query]:
    """Consent comes before ICG and surgery, and never on a day still to come (the first of these it breaks)."""
    consent = proc.get("consent_date")
    if consent is None:
        return []
    queries = _in_future("consent_date", consent, now, lang)
    words = {"field": _label("consent_date", lang), "value": consent}
    day, given = derive.surgery_date(proc), proc.get("icg_given_at")
    if not queries and day is not None and date.fromisoformat(consent) > day:
        queries.append(
            Query(say("{field} ({value}) is after the surgery ({day})", lang, day=day, **words), ("consent_date",))
        )
    if not queries and given is not None and date.fromisoformat(consent) > _study_day(given):
        text = say("{field} ({value}) is after ICG was given ({given})", lang, given=_study_day(given), **words)
        queries.append(Query(text, ("consent_date", "icg_given_at")))
    return queries


def icg_queries(proc: Procedure, now: datetime, lang: str = "en") -> list[Query]:
    """ICG was given by now, its dose is volume times concentration, and a reaction is described and counted."""
    queries = _in_future("icg_given_at", proc.get("icg_given_at"), now, lang)
    dose, volume, concentration = (proc.get(n) for n in ("icg_dose_mg", "icg_volume_ml", "icg_concentration_mg_ml"))
    if None not in (dose, volume, concentration) and not math.isclose(dose, volume * concentration, rel_tol=0.01):
        text = say(
            "{dose_field} ({dose}) does not match the volume and concentration given ({volume} × {concentration} = {product})",
            lang,
            dose_field=_label("icg_dose_mg", lang),
            dose=_shown("icg_dose_mg", dose, lang),
            volume=_shown("icg_volume_ml", volume, lang),
            concentration=_shown("icg_concentration_mg_ml", concentration, lang),
            product=_shown("icg_dose_mg", round(volume * concentration, 2), lang),
        )
        queries.append(Query(text, ("icg_dose_mg", "icg_volume_ml", "icg_concentration_mg_ml")))
    if proc.get("icg_adverse_reaction"):
        reaction = _label("icg_adverse_reaction", lang)
        if not proc.get("icg_adverse_description"):
            text = say(
                "{reaction_field}: yes, but {field} is empty",
                lang,
                reaction_field=reaction,
                field=_label("icg_adverse_description", lang),
            )
            queries.append(Query(text, ("icg_adverse_reaction", "icg_adverse_description")))
        if proc.get("icg_adverse_event") is False:
            text = say(
                "{reaction_field}: yes when ICG was given, but {event_field}: no",
                lang,
                reaction_field=reaction,
                event_field=_label("icg_adverse_event", lang),
            )
            queries.append(Query(text, ("icg_adverse_reaction", "icg_adverse_event")))
    return queries


def stay_queries(proc: Procedure, now: datetime, lang: str = "en") -> list[Query]:
    """The ICU is part of the hospital stay; complications start by today, and one present at discharge before it."""
    queries = []
    icu, stay = proc.get("icu_days"), proc.get("hospital_stay_days")
    if icu is not None and stay is not None and icu > stay:
        text = say(
            "{icu_field} ({icu}) is longer than the {stay_field} ({stay})",
            lang,
            icu_field=_label("icu_days", lang),
            icu=_shown("icu_days", icu, lang),
            stay_field=_label("hospital_stay_days", lang).lower(),
            stay=_shown("hospital_stay_days", stay, lang),
        )
        queries.append(Query(text, ("icu_days", "hospital_stay_days")))
    for comp in proc.complications:
        queries += complication_queries(proc, comp, now, lang)
    return queries


def complication_queries(proc: Procedure, comp: Complication, now: datetime, lang: str = "en") -> list[Query]:
    label = say("Complication {number}", lang, number=comp.number)
    onset = comp.get("onset_date")
    queries = _in_future("onset_date", onset, now, lang, comp.id, f"{label}: ")
    day, stay = derive.surgery_date(proc), proc.get("hospital_stay_days")
    if comp.get("present_at_discharge") and onset is not None and day is not None and stay is not None:
        discharge = day + timedelta(days=stay)
        if date.fromisoformat(onset) > discharge:
            text = say(
                "{label}: still present at discharge, but its onset ({onset}) is after the discharge ({discharge})",
                lang,
                label=label,
                onset=onset,
                discharge=discharge,
            )
            queries.append(Query(text, ("onset_date", "present_at_discharge"), comp.id))
    return queries


def plausibility_queries(proc: Procedure, now: datetime, lang: str = "en") -> list[Query]:
    """Combinations of values a data manager would query; each blocks completion until it is corrected."""
    return consent_queries(proc, now, lang) + icg_queries(proc, now, lang) + stay_queries(proc, now, lang)


def asked(
    fdef: FieldDef, values: Mapping[str, Any], proc: Procedure | None = None, lesion_id: str | None = None
) -> bool:
    """Whether the form asks for this field, given the values entered: its shown_when in forms/ holds,
    and a re-resection's results are asked only for a lesion whose cavity re-resection was recorded."""
    if fdef.shown_when is not None and not fdef.shown_when.holds(values):
        return False
    if fdef.name in RERESECTION_RESULTS:
        return (
            proc is not None and lesion_id is not None and derive.assess_lesion(proc, lesion_id).reresection == "done"
        )
    return True
