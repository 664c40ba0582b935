"""What a new password must be: long enough, not blank, not one of the passwords everybody tries first."""

from __future__ import annotations

from functools import cache

from .shipped import shipped
from .wording import Messages, say_in

MIN_LENGTH = 10
MAX_LENGTH = 1000  # beyond any passphrase; keeps one hash from taking the laptop's time

MESSAGES: Messages = {
    "short": (
        "A password needs at least {n} characters.",
        "Een wachtwoord heeft minstens {n} tekens nodig.",
    ),
    "long": (
        "A password holds at most {n} characters.",
        "Een wachtwoord heeft hoogstens {n} tekens.",
    ),
    "blank": (
        "A password cannot be only spaces.",
        "Een wachtwoord kan niet alleen uit spaties bestaan.",
    ),
    "common": (
        "That password is one of the most common ones and is guessed first: choose another.",
        "Dat wachtwoord is een van de meest gebruikte en wordt als eerste geraden: kies een ander.",
    ),
    "user_name": (
        "A password cannot be the user name.",
        "Een wachtwoord kan niet de gebruikersnaam zijn.",
    ),
}


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list (resources/common-passwords.txt, which names its source), lower case."""
    text = shipped("resources", "common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def problem(password: str, username: str = "", lang: str = "en") -> str | None:
    """Why a new password is refused, in the reader's language; None when it may be used."""
    if not password.strip():
        return say_in(MESSAGES, "blank", lang)
    if len(password) < MIN_LENGTH:
        return say_in(MESSAGES, "short", lang, n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return say_in(MESSAGES, "long", lang, n=MAX_LENGTH)
    if password.strip().lower() in common_passwords():
        return say_in(MESSAGES, "common", lang)
    if username and password.strip().lower() == username.strip().lower():
        return say_in(MESSAGES, "user_name", lang)
    return None
