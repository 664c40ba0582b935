"""The sentences the checks of a database against its audit trail say, kept as Texts so that `verify` says them
in the reader's language. Shared by the laptop's checks (audit.py, row_seals.py) and the central ones
(central.py), so that one finding reads the same wherever it is made. The entity, key and column stay as the
trail names them: they are what a person looks up in the trail."""

from __future__ import annotations

from typing import Any

from ..domain.wording import Text


def changed_outside(entity: Any, key: object, column: str) -> Text:
    return Text(
        "{entity} {key}: its {column} is not what the audit trail recorded (changed outside the application)",
        entity=entity,
        key=key,
        column=column,
    )


def deleted_outside(entity: Any, key: object) -> Text:
    return Text("{entity} {key} was deleted outside the application", entity=entity, key=key)


def no_entry(entity: Any, key: object) -> Text:
    return Text("{entity} {key} has no audit entry", entity=entity, key=key)


def added_outside(entity: Any, key: object) -> Text:
    return Text("{entity} {key} is not in the audit trail (added outside the application)", entity=entity, key=key)
