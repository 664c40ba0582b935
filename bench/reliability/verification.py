"""verify on direct edits, a consistent rewrite of the chain and page-damaged files; bounds on extreme input."""

from __future__ import annotations

import contextlib
import io
import os
import random
import shutil
from pathlib import Path

from mimic_desktop.cli.main import main
from mimic_desktop.services.backups import take_backup
from tests.support.damaged_pages import HOW, damaged
from tests.support.direct_edits import EDITS, edited, every_kind_of_row
from tests.support.enrolment import ENROLMENT
from tests.support.session_files import make_laptop
from tests.support.tampering import rewrite_chain

from .document import Part, Table, count
from .settings import Settings

REQUIREMENT = (
    "verify finds every direct edit of the database file (every row of every table, the triggers, tables that do "
    "not belong) and, against a backup or a session file, a consistent rewrite of the whole chain; it gives a "
    "plain verdict on a damaged file. Numbers and times outside their plausible span are refused by name, and "
    "no command ends in a traceback on extreme input."
)


def _run(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except BaseException as error:  # a traceback is the failure this part measures
            return -1, f"{type(error).__name__}: {error}"
    return code, out.getvalue() + err.getvalue()


def direct_edits(folder: Path) -> tuple[Table, bool]:
    pristine = every_kind_of_row(folder / "pristine.sqlite")
    table = Table(("direct edit", "found by verify"))
    held = _run("verify", "--db", str(pristine))[0] == 0
    for what, sql, words in EDITS:
        case = folder / what.replace(" ", "-").replace("'", "")
        case.mkdir()
        code, out = _run("verify", "--db", str(edited(pristine, case, sql)))
        found = code == 1 and words in out
        held &= found
        table.rows.append((what, "yes" if found else "NO"))
    return table, held


def rewrite(folder: Path) -> tuple[Table, bool]:
    laptop = make_laptop(folder)
    proc_id = laptop.record(1)
    session = laptop.export(proc_id)
    kept = take_backup(laptop.service.store, "reliability")
    laptop.record(2)
    path = laptop.service.store.path
    laptop.service.store.close()
    rewrite_chain(path, proc_id, "cea", 999.0)
    table = Table(("a consistent rewrite of the whole chain, checked", "verdict", "exit code"))
    cases = (("by verify alone", ()), ("against a backup", ("--against", str(kept))))
    cases += (("against a session file", ("--against", str(session))),)
    codes = []
    for name, extra in cases:
        code, out = _run("verify", "--db", str(path), *extra)
        codes.append(code)
        verdict = "found" if "REWRITTEN" in out else ("passes" if code == 0 else "?")
        table.rows.append((name, verdict, str(code)))
    return table, codes == [0, 1, 1]


def damaged_files(settings: Settings, folder: Path) -> tuple[Table, bool]:
    laptop = make_laptop(folder)
    laptop.record(3)
    laptop.service.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    laptop.service.store.close()
    pristine = laptop.service.store.path.read_bytes()
    rng = random.Random(17)
    per_kind = 4 if settings.quick else 40
    table = Table(("damage", "files", "intact (damage in free space)", "DAMAGED (1)", "NOT VERIFIED (2)", "tracebacks"))
    held = True
    for how in HOW:
        codes = []
        for attempt in range(per_kind):
            path = folder / f"damaged-{attempt}.sqlite"
            path.write_bytes(damaged(pristine, how, rng))
            codes.append(_run("verify", "--db", str(path))[0])
        tracebacks = codes.count(-1)
        held &= tracebacks == 0 and codes.count(1) + codes.count(2) > 0
        table.rows.append((how, *map(count, (per_kind, codes.count(0), codes.count(1), codes.count(2), tracebacks))))
    return table, held


def extreme_inputs(folder: Path) -> tuple[Table, bool]:
    laptop = make_laptop(folder)
    study_id = laptop.service.load(laptop.record(4)).study_id
    laptop.service.create("MIM-01-050", "01", ENROLMENT)  # still being recorded: events are taken without a reason
    db = str(laptop.service.store.path)
    laptop.service.store.close()
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    os.environ["MIMIC_PASSWORD"] = "correct horse"
    user = ("--db", db, "--user", "anna.coord")
    cases = [
        (
            "strike 99999999999999999999",
            ("strike", *user, "99999999999999999999", "--reason", "x"),
            "There is no event",
        ),
        (
            "an event in the year 9999",
            ("event", *user, "MIM-01-050", "note", "--note", "x", "--at", "9999-01-01T10:00"),
            "is in the future",
        ),
        (
            "ICG given in the year 9999",
            ("set", *user, study_id, "icg_given_at=9999-12-31 10:00", "--reason", "x"),
            "Time ICG was given: 9999-12-31 10:00 is in the future",
        ),
        (
            "consent in 1999",
            ("set", *user, study_id, "consent_date=1999-01-01", "--reason", "x"),
            "before the study began",
        ),
        (
            "blood loss of 10^20 mL",
            ("set", *user, study_id, "blood_loss_ml=99999999999999999999", "--reason", "x"),
            "above the highest plausible value",
        ),
        ("/dev/zero as the database", ("verify", "--db", "/dev/zero"), "not a regular file"),
        ("a FIFO as the database", ("verify", "--db", str(fifo)), "not a regular file"),
        ("/dev/zero as the anchor", ("verify", "--db", db, "--against", "/dev/zero"), "not a regular file"),
    ]
    table = Table(("input", "exit code", "refused in words"))
    held = True
    for name, args, words in cases:
        code, out = _run(*args)
        refused = code == 2 and words in out
        held &= refused
        table.rows.append((name, str(code), "yes" if refused else f"NO: {out.strip()[:80]}"))
    after = _run("dump", *user, study_id)[0] == 0 and _run("verify", "--db", db)[0] == 0
    table.rows.append(("the record afterwards: dump and verify", "0" if after else "1", "yes" if after else "NO"))
    return table, held and after


def run(settings: Settings, folder: Path) -> Part:
    tables, held = [], True
    for name, make in (
        ("edits", direct_edits),
        ("rewrite", rewrite),
        ("damaged", lambda sub: damaged_files(settings, sub)),
        ("extreme", extreme_inputs),
    ):
        sub = folder / name
        sub.mkdir()
        table, ok = make(sub)
        tables.append(table)
        held &= ok
        shutil.rmtree(sub, ignore_errors=True)
    done = f"""
A database holding every kind of row (a completed record with lesions, complications one of them removed, a
signed questionnaire, a changed study setting, a surgeon's account) is copied and edited once per case with
plain SQL, as someone with the sqlite3 tool would; `mimic-desktop verify` must name each edit ({len(EDITS)}
cases). A forger then changes a value and rewrites the whole chain after it consistently: verify alone cannot
see that, verify `--against` a backup or a session file taken before must. Copies of a real database are
damaged page by page ({", ".join(HOW)}); verify must end in a verdict and an exit code, never a traceback.
Last, extreme input on the command line: each must be refused in words, and the record read as before.
"""
    return Part("Verify and bounds", REQUIREMENT, done, [], tables, held)
