"""One database's audit chain against an outside anchor: a backup's chain, or the head a session file recorded.

A chain rewritten consistently from some entry on (every hash recomputed) verifies on its own; a copy of the
chain kept elsewhere does not change with it. Where the two part is the first entry the database no longer
holds as it was.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from ..domain.wording import Text
from . import audit


@dataclass(frozen=True)
class Comparison:
    """Whether this chain extends the anchor's (holds it unchanged, perhaps with entries after it), and the
    sentences that say so or say where the two part."""

    extends: bool
    lines: tuple[Text, ...]


Row = tuple[int, str, str, str, str, str]  # seq, hash, at_utc, username, entity, field


def _chain(conn: sqlite3.Connection) -> list[Row]:
    return [
        tuple(row) for row in conn.execute("SELECT seq, hash, at_utc, username, entity, field FROM audit ORDER BY seq")
    ]


def _earlier_hashes(conn: sqlite3.Connection) -> dict[int, str]:
    """The hash each entry had before the chain committed to typed values by keyed hashes (schema m009): a backup or
    a session file made before that upgrade names its entries so."""
    if not any(row[1] == "unkeyed_hash" for row in conn.execute("PRAGMA table_info(audit)")):
        return {}
    return dict(conn.execute("SELECT seq, unkeyed_hash FROM audit WHERE unkeyed_hash IS NOT NULL").fetchall())


def _same(mine: Row, kept: Row, earlier: dict[int, str]) -> bool:
    return mine[0] == kept[0] and kept[1] in {mine[1], earlier.get(mine[0])}


def _entry(row: Row) -> Text:
    seq, _, at_utc, username, entity, field = row
    return Text(
        "entry {seq} ({entity} {field}, by {username} at {at})",
        seq=seq,
        entity=entity,
        field=field,
        username=username,
        at=at_utc,
    )


def against_database(conn: sqlite3.Connection, other: sqlite3.Connection, name: Any) -> Comparison:
    """This chain against another database's (a backup of it): where they part, or that this one extends it.
    name says what the other is (a Text, said in the reader's language with the lines)."""
    own, theirs, earlier = _chain(conn), _chain(other), _earlier_hashes(conn)
    lines: list[Text] = []
    if not audit.verify(other).ok:
        lines.append(Text("{name}: its own audit chain is broken, so it proves little about this one.", name=name))
    for index, (mine, kept) in enumerate(zip(own, theirs, strict=False)):
        if not _same(mine, kept, earlier):
            lines.append(
                Text(
                    "The chains part at {entry} of {name}: this database no longer holds that entry as it was "
                    "(or what follows it). Its trail was rewritten from there on, or the two files are not copies of "
                    "one database.",
                    entry=_entry(kept),
                    name=name,
                )
            )
            return Comparison(False, tuple(lines))
        last = index
    if len(theirs) > len(own):
        lines.append(
            Text(
                "{name} holds {more} entries after this database's last (entry {last}): "
                "entries were removed from the end of this trail, or this file is older than that one.",
                name=name,
                more=len(theirs) - len(own),
                last=len(own),
            )
        )
        return Comparison(False, tuple(lines))
    if not theirs:
        lines.append(Text("{name} holds no audit trail to compare with.", name=name))
        return Comparison(False, tuple(lines))
    lines.append(
        Text(
            "This database's trail extends that of {name}: its {count} entries are the first {first} here, "
            "unchanged; {added} entries were added since.",
            name=name,
            count=len(theirs),
            first=last + 1,
            added=len(own) - len(theirs),
        )
    )
    return Comparison(not lines[:-1], tuple(lines))


def against_head(conn: sqlite3.Connection, head: str, exported_at: str, name: Any) -> Comparison:
    """This chain against the head a session file recorded at its export."""
    own, earlier = _chain(conn), _earlier_hashes(conn)
    found = next((row for row in own if head in {row[1], earlier.get(row[0])}), None)
    if found is not None:
        return Comparison(
            True,
            (
                Text(
                    "This database's trail extends the one {name} recorded at its export ({exported_at}): its head "
                    "is {entry}, unchanged.",
                    name=name,
                    exported_at=exported_at,
                    entry=_entry(found),
                ),
            ),
        )
    before = [row for row in own if row[2] <= exported_at]
    where = Text("at or before {entry}", entry=_entry(before[-1])) if before else Text("before its first entry")
    return Comparison(
        False,
        (
            Text(
                "The head of the audit trail {name} recorded at its export ({exported_at}, {head}...) is not in "
                "this database's trail: the chains part {where}. The trail was rewritten since that export, or the "
                "file comes from another database.",
                name=name,
                exported_at=exported_at,
                head=head[:16],
                where=where,
            ),
        ),
    )
