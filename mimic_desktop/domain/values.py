"""Checking and normalising one field value against its definition."""

from __future__ import annotations

import math
import re
from datetime import date, datetime
from typing import Any

from . import plausible
from .clock import parse_typed, to_iso, utc_now
from .errors import ValidationError
from .forms import FieldDef
from .identifiers import KINDS, findings
from .wording import Sayable, Text, Worded, say

YES, NO = Text("Yes"), Text("No")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_TRUE = {"true", "yes", "y", "1", "ja", "j"}
_FALSE = {"false", "no", "n", "0", "nee"}


# Line breaks and tabs belong to text; every other control character (C0, DEL, C1) is invisible on screen,
# makes an XML file unreadable and can steer a spreadsheet, so free text is refused when it holds one.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_characters(text: str) -> list[str]:
    """The control characters other than line breaks and tabs in text, as U+XXXX, each once."""
    return [f"U+{ord(c):04X}" for c in sorted(set(_CONTROL.findall(text)))]


def check_text(text: str, what: Sayable | str, field: str | None = None, lang: str = "en") -> str:
    """text when it holds no control characters but line breaks and tabs; else a ValidationError naming what.

    what: the field (its definition, said in the reader's language), or the key of a text that is not a form
    field in TEXT_NAMES ("reason", "note").
    """
    found = control_characters(text)
    if found:
        name = TEXT_NAMES.get(what, what) if isinstance(what, str) else what
        problem = Text(
            "holds invisible control characters ({codes}), often pasted from a word processor: type the text again",
            codes=", ".join(found),
        )
        raise ValidationError(Text("{field}: {problem}", field=name, problem=problem), field=field, lang=lang)
    return text


# Free texts that are not form fields: the reason for a change and a note on the timeline.
TEXT_NAMES = {"reason": Text("Reason"), "note": Text("Note")}

# A reason says why in a sentence or a short paragraph. The audit trail keeps every one for good, and the list of
# changes, the PDFs and the exports print it; a pasted document is no reason. The one limit for every reason taken:
# for a change, a struck event, a void, a withdrawal, a text kept although it looks like an identifier.
REASON_LIMIT = 2000


def check_reason_length(reason: str | None, lang: str = "en") -> None:
    """A ValidationError naming the limit when the reason is longer than REASON_LIMIT characters."""
    if reason is not None and len(reason) > REASON_LIMIT:
        raise ValidationError(
            Text(
                "A reason may be at most {limit} characters long; this one has {length}: shorten it.",
                limit=f"{REASON_LIMIT:,}",
                length=f"{len(reason):,}",
            ),
            field="reason",
            lang=lang,
        )


def check_reason(reason: str, lang: str = "en") -> str:
    """The reason as it is kept: trimmed, without control characters, at most REASON_LIMIT characters."""
    text = check_text(reason, "reason", "reason", lang).strip()
    check_reason_length(text, lang)
    return text


def _fail(fdef: FieldDef, lang: str, problem: Text) -> ValidationError:
    """The field's problem: str() says it in lang, and a window in another language says it in its own."""
    message = Text("{field}: {problem}", field=fdef, problem=problem)
    return ValidationError(message, field=fdef.name, lang=lang)


def _number(fdef: FieldDef, value: Any, lang: str) -> float:
    if isinstance(value, bool):
        raise _fail(fdef, lang, Text("expected a number, not yes/no"))
    if isinstance(value, str):
        value = value.strip().replace(",", ".")
        # Only plain digits: float() would also take "1e2", "1_000" or "inf", which nobody means on a form.
        if not _PLAIN_NUMBER.fullmatch(value):
            raise _fail(
                fdef, lang, Text("{value!r} is not a number (write it with digits, for example 12.5)", value=value)
            )
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _fail(fdef, lang, Text("{value!r} is not a number", value=value)) from None
    if math.isnan(number) or math.isinf(number):
        raise _fail(fdef, lang, Text("expected a finite number"))
    unit = Worded(lambda lang: f" {fdef.unit_text(lang)}") if fdef.unit else ""
    if fdef.minimum is not None and number < fdef.minimum:
        if fdef.minimum == 0:
            raise _fail(fdef, lang, Text("cannot be negative (got {value}{unit})", value=value, unit=unit))
        raise _fail(
            fdef,
            lang,
            Text(
                "{value}{unit} is below the lowest plausible value, {limit:g}{unit}",
                value=value,
                unit=unit,
                limit=fdef.minimum,
            ),
        )
    if fdef.maximum is not None and number > fdef.maximum:
        raise _fail(
            fdef,
            lang,
            Text(
                "{value}{unit} is above the highest plausible value, {limit:g}{unit}",
                value=value,
                unit=unit,
                limit=fdef.maximum,
            ),
        )
    return number


def normalise(fdef: FieldDef, value: Any, lang: str = "en", now: datetime | None = None) -> Any:
    """Return the stored form of value, or raise ValidationError naming the problem (in lang).

    None and empty strings mean "not filled in" and are always accepted here; whether a
    field must be filled in is checked when a record is completed. Dates and times must lie within
    the study's years and not after now (this computer's clock unless given).
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = fdef.type
    if kind in {"integer", "likert"}:
        number = _number(fdef, value, lang)
        if number != int(number):
            raise _fail(fdef, lang, Text("{value} is not a whole number", value=value))
        plausible.check_integer(fdef.text(lang), fdef.name, int(number), lang)
        return int(number)
    if kind == "decimal":
        return _number(fdef, value, lang)
    if kind == "boolean":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise _fail(fdef, lang, Text("{value!r} is not yes or no", value=value))
    if kind == "choice":
        code = str(value)
        if code not in fdef.choice_codes():
            raise _fail(
                fdef, lang, Text("{value!r} is not one of {codes}", value=value, codes=", ".join(fdef.choice_codes()))
            )
        return code
    if kind == "multichoice":
        codes = [c.strip() for c in value.split(",")] if isinstance(value, str) else list(value)
        order = fdef.choice_codes()
        unknown = [c for c in codes if c not in order]
        if unknown:
            raise _fail(
                fdef,
                lang,
                Text("{unknown} not among {codes}", unknown=", ".join(map(str, unknown)), codes=", ".join(order)),
            )
        return sorted(set(codes), key=order.index) or None
    if kind == "date":
        if isinstance(value, datetime):
            day = value.date()
        elif isinstance(value, date):
            day = value
        else:
            try:
                day = date.fromisoformat(str(value).strip())
            except ValueError:
                raise _fail(fdef, lang, Text("{value!r} is not a date (YYYY-MM-DD)", value=value)) from None
        plausible.check_day(fdef.text(lang), fdef.name, day, now or utc_now(), lang)
        return day.isoformat()
    if kind == "datetime":
        try:
            moment = value if isinstance(value, datetime) else parse_typed(str(value))
            moment = moment if moment.tzinfo else moment.astimezone()
        except (ValueError, OverflowError):
            raise _fail(
                fdef,
                lang,
                Text(
                    "{value!r} is not a date and time (YYYY-MM-DD HH:MM:SS, or HH:MM:SS on the day shown)", value=value
                ),
            ) from None
        plausible.check_moment(fdef.text(lang), fdef.name, moment, now or utc_now(), lang)
        return to_iso(moment)
    text = check_text(str(value).strip(), fdef, fdef.name, lang)
    if fdef.max_length and len(text) > fdef.max_length:
        raise _fail(
            fdef, lang, Text("too long ({length} characters, at most {limit})", length=len(text), limit=fdef.max_length)
        )
    return text


def identifier_warning(fdef: FieldDef, value: Any, lang: str = "en") -> str | None:
    """A warning, in lang, when free text looks like it holds a direct identifier."""
    if not fdef.free_text or not isinstance(value, str):
        return None
    found = findings(value)
    if found:
        return say(
            "{field}: this text looks like it contains an identifier ({found}). "
            "Free text leaves the hospital in exports: write no names, numbers or birth dates.",
            lang,
            field=fdef,
            found=", ".join(KINDS[kind].text(lang) for kind in found),
        )
    return None


def display(fdef: FieldDef, value: Any, lang: str = "en") -> str:
    """Human-readable text for a stored value."""
    if value is None:
        return ""
    if fdef.type == "boolean":
        return (YES if value else NO).text(lang)
    if fdef.type == "choice":
        return fdef.choice_text(value, lang)
    if fdef.type == "multichoice":
        return ", ".join(fdef.choice_text(code, lang) for code in value)
    if fdef.type in {"decimal", "integer"}:
        text = f"{value:g}" if fdef.type == "decimal" else str(value)
        return f"{text} {fdef.unit_text(lang)}" if fdef.unit else text
    if fdef.type == "datetime":
        from .clock import local_text

        return local_text(value)
    return str(value)
