"""A password asked for at this moment: at the terminal, or read from standard input; never from the environment.

Signing is a deliberate act (21 CFR 11.200): a password left in MIMIC_PASSWORD or a script's environment must not
sign for its owner, so the signing commands ignore it and ask.
"""

from __future__ import annotations

import getpass
import sys

from ..domain.errors import AuthenticationFailed


class NoPasswordGiven(AuthenticationFailed):
    """Neither a terminal nor standard input gave a password."""


NO_PASSWORD = (
    "No password was given: signing asks for your password at this moment, at a terminal or on standard input "
    "(MIMIC_PASSWORD is not used for signing). Nothing was signed."
)


def password_now(prompt: str = "Password: ") -> str:
    """The password typed at the terminal (not echoed), or the first line of standard input when that is not one."""
    stream = sys.stdin
    if stream is None or stream.closed:
        raise NoPasswordGiven(NO_PASSWORD)
    try:
        if stream.isatty():
            answer = getpass.getpass(prompt)
        else:
            answer = stream.readline()
            if not answer:
                raise NoPasswordGiven(NO_PASSWORD)
    except (EOFError, OSError, ValueError):
        raise NoPasswordGiven(NO_PASSWORD) from None
    answer = answer.removesuffix("\n").removesuffix("\r")
    if not answer:
        raise NoPasswordGiven(NO_PASSWORD)
    return answer
