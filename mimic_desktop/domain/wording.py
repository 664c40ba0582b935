"""Messages meant for people, each kept as an (English, Dutch) pair and said in the reader's language."""

from __future__ import annotations

from typing import Any

Messages = dict[str, tuple[str, str]]


def say_in(messages: Messages, key: str, lang: str = "en", **values: Any) -> str:
    """The message in the language asked for (English for any other), with its values filled in."""
    english, dutch = messages[key]
    return (dutch if lang == "nl" else english).format(**values)
