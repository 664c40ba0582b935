"""What a new password must be: long enough, not blank, not one of the passwords everybody tries first."""

from __future__ import annotations

from functools import cache

from .shipped import shipped
from .wording import say

MIN_LENGTH = 10
MAX_LENGTH = 1000  # beyond any passphrase; keeps one hash from taking the laptop's time


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list (resources/common-passwords.txt, which names its source), lower case."""
    text = shipped("resources", "common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def problem(password: str, username: str = "", lang: str = "en") -> str | None:
    """Why a new password is refused, in the reader's language; None when it may be used."""
    if not password.strip():
        return say("A password cannot be only spaces.", lang)
    if len(password) < MIN_LENGTH:
        return say("A password needs at least {n} characters.", lang, n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return say("A password holds at most {n} characters.", lang, n=MAX_LENGTH)
    if password.strip().lower() in common_passwords():
        return say("That password is one of the most common ones and is guessed first: choose another.", lang)
    if username and password.strip().lower() == username.strip().lower():
        return say("A password cannot be the user name.", lang)
    return None
