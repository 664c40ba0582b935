"""What a new password must be: long enough, not blank, not one of the passwords everybody tries first."""

from __future__ import annotations

from functools import cache

from .shipped import shipped
from .wording import Text

MIN_LENGTH = 10
MAX_LENGTH = 1000  # beyond any passphrase; keeps one hash from taking the laptop's time


@cache
def common_passwords() -> frozenset[str]:
    """The shipped list (resources/common-passwords.txt, which names its source), lower case."""
    text = shipped("resources", "common-passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def problem(password: str, username: str = "") -> Text | None:
    """Why a new password is refused (worded when it is said); None when it may be used."""
    if not password.strip():
        return Text("A password cannot be only spaces.")
    if len(password) < MIN_LENGTH:
        return Text("A password needs at least {n} characters.", n=MIN_LENGTH)
    if len(password) > MAX_LENGTH:
        return Text("A password holds at most {n} characters.", n=MAX_LENGTH)
    if password.strip().lower() in common_passwords():
        return Text("That password is one of the most common ones and is guessed first: choose another.")
    if username and password.strip().lower() == username.strip().lower():
        return Text("A password cannot be the user name.")
    return None
