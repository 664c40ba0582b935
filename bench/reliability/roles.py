"""Roles and locks: every refused attempt changes nothing, says why, and is logged."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from tests.support.roles import every_attempt

from .document import Part, Table, count

REQUIREMENT = (
    "Roles hold: a monitor changes nothing, a coordinator cannot sign a questionnaire, nobody edits a locked record "
    "without a reason, and every one of these attempts is refused with a message and logged."
)


def run(_settings, folder: Path) -> Part:
    attempts = every_attempt(folder)
    groups: dict[tuple[str, str], list] = defaultdict(list)
    for role, what, refusal in attempts.made:
        groups[(role, refusal.message)].append((what, refusal))
    table = Table(("who", "attempts", "message shown (and logged)", "refused", "data unchanged", "logged once"))
    for (role, message), made in groups.items():
        table.rows.append(
            (
                role,
                "; ".join(what for what, _ in made),
                message,
                count(sum(r.refused for _, r in made)),
                count(sum(r.unchanged for _, r in made)),
                count(sum(len(r.logged) == 1 for _, r in made)),
            )
        )
    done = """
On a database with a recorded procedure, a monitor tries every change the services offer (each field, lesion,
complication and event operation, completing, signing, accounts, study settings, and every export); a
coordinator and a monitor try to sign the questionnaire; after the surgeon has signed, a coordinator and the
surgeon try to change an answer without a reason; after completion, both try each kind of change without a
reason. Each attempt must raise an error with a message, leave every data table as it was, and add exactly
one audit row naming the user and holding that message.
"""
    figures = [
        ("attempts", count(len(attempts.made))),
        ("refused with a message, data unchanged, logged once with that message", count(attempts.held)),
    ]
    held = attempts.held == len(attempts.made)
    return Part("Roles and locks", REQUIREMENT, done, figures, [table], held)
