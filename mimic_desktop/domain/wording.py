"""Every text a person reads outside the Qt widgets, said in the reader's language.

A message is written in the code as its English text, `say("Lesion {number}", lang, number=2)`, or kept
as a `Text` to be said later in whatever language the reader has (an error raised where no language is
known: the window that shows it says it in its own). The English text is the key of the Dutch
catalogue, resources/messages/nl.json, one {"English": "Dutch"} object.

Why this rather than gettext: a gettext catalogue has to be compiled (msgfmt or Babel, neither shipped
with Python) before the app can load it, whereas a JSON object is read by the standard library, reviewed
as a plain diff, and shipped like the rest of resources/; and why the English text as the key rather
than a made-up one: the code then reads as what it says, and a message with no translation still says
something true. The single fallback rule: a language without a catalogue, or a text its catalogue lacks,
is said in English. tests/domain/test_wording_catalogue.py checks that every text the code says is in
the catalogue with the same placeholders, and that nothing in the catalogue is left unused.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from string import Formatter
from typing import Any, Protocol, TypeGuard

from .shipped import shipped

SOURCE_LANGUAGE = "en"


class Sayable(Protocol):
    """Anything with a text in each language: a Text, a field or event definition, a role, a status."""

    def text(self, lang: str = "en") -> str: ...


class Text:
    """A message kept unsaid until the reader's language is known; str() gives its English."""

    __slots__ = ("english", "values")

    def __init__(self, english: str, /, **values: Any) -> None:
        self.english = english
        self.values = values

    def text(self, lang: str = SOURCE_LANGUAGE) -> str:
        """The message in lang (in English when lang or this text has no translation), values filled in.

        A value that is itself Sayable (a Text, a field definition, a role) is said in the same language.
        """
        template = catalogue(lang).get(self.english, self.english)
        values = {name: _said_value(value, lang) for name, value in self.values.items()}
        return template.format(**values)

    def fill(self, **values: Any) -> Text:
        """The same message with (more) values: for tables of texts filled in where they are used."""
        return Text(self.english, **{**self.values, **values})

    def __str__(self) -> str:
        return self.text(SOURCE_LANGUAGE)

    def __repr__(self) -> str:
        return f"Text({self.english!r}, **{self.values!r})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and (self.english, self.values) == (other.english, other.values)

    def __hash__(self) -> int:
        return hash(self.english)


class TextList:
    """Several messages (or plain values) said one after the other, each in the reader's language."""

    __slots__ = ("items", "separator")

    def __init__(self, items: Iterable[Any], separator: str = ", ") -> None:
        self.items = tuple(items)
        self.separator = separator

    def text(self, lang: str = SOURCE_LANGUAGE) -> str:
        return self.separator.join(str(_said_value(item, lang)) for item in self.items)

    def __str__(self) -> str:
        return self.text(SOURCE_LANGUAGE)


class Worded:
    """Words made for the reader's language when said, from texts of the catalogue (a list of what is missing)."""

    __slots__ = ("words",)

    def __init__(self, words: Callable[[str], str]) -> None:
        self.words = words

    def text(self, lang: str = SOURCE_LANGUAGE) -> str:
        return self.words(lang)

    def __str__(self) -> str:
        return self.text(SOURCE_LANGUAGE)


def say(english: str, lang: str = SOURCE_LANGUAGE, /, **values: Any) -> str:
    """The English text's message in lang, with its values filled in."""
    return Text(english, **values).text(lang)


def said(thing: object, lang: str = SOURCE_LANGUAGE) -> str:
    """What a person reads of an error or a message, in lang: its own words when it has them, else str()."""
    return thing.text(lang) if _sayable(thing) else str(thing)


# The decimal mark of each language that does not write a point. Kept here rather than taken from the locale
# module or QLocale: the domain is Qt-free, and the C library's locales are often not installed on a laptop.
DECIMAL_MARKS = {"nl": ","}


def decimal_mark(lang: str) -> str:
    return DECIMAL_MARKS.get(lang, ".")


def decimal(value: float, digits: int, lang: str = SOURCE_LANGUAGE, *, signed: bool = False) -> str:
    """A number with a fixed number of decimals as the reader writes it: 12.5 in English, 12,5 in Dutch."""
    shown = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    return shown.replace(".", decimal_mark(lang))


def _said_value(value: Any, lang: str) -> Any:
    # A plain str has no text() method, but an enum of texts (Role, Status) has: say those in lang too.
    return value.text(lang) if _sayable(value) else value


def _sayable(thing: object) -> TypeGuard[Sayable]:
    # A method, not an attribute of that name: a dataclass holding a str called text is not a message. (Checked
    # by hand rather than with isinstance(thing, Sayable), which is slower and would take that dataclass too.)
    return callable(getattr(thing, "text", None))


@functools.cache
def catalogue(lang: str) -> dict[str, str]:
    """The translations of one language, keyed by English; empty for English and for any language without one."""
    if lang == SOURCE_LANGUAGE or not lang.isalpha():
        return {}
    path = shipped("resources", "messages", f"{lang}.json")
    if not path.is_file():
        return {}
    entries: dict[str, str] = json.loads(path.read_text(encoding="utf-8"))
    return entries


def placeholders(template: str) -> set[str]:
    """The names of a message's {placeholders}, each with its conversion and format ({margin:g} is 'margin:g')."""
    names = set()
    for _literal, name, spec, conversion in Formatter().parse(template):
        if name is not None:
            names.add(name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else ""))
    return names
