"""Fault injection: kill a recording process with SIGKILL and check what survived."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from mimic_desktop.storage import audit


def run_and_kill(db_path: Path, seed: int, delay: float) -> list[int]:
    """Start `simulate`, SIGKILL it after delay seconds; the ids it printed had all committed."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.support.cheap_cli",
            "simulate",
            "--db",
            str(db_path),
            "--procedures",
            "500",
            "--seed",
            str(seed),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    printed: list[int] = []

    def read() -> None:
        for line in process.stdout:
            printed.append(int(line))

    reader = threading.Thread(target=read)
    reader.start()
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.wait()
    reader.join()
    process.stdout.close()
    if process.returncode != -signal.SIGKILL:
        raise RuntimeError("simulate ended before it was killed")
    return printed


@dataclass(frozen=True)
class AfterKill:
    """What one kill left behind: acknowledged events missing, integrity_check's verdict, the audit chain."""

    lost: tuple[int, ...]
    integrity: str
    chain_problems: tuple[str, ...]

    @property
    def problems(self) -> list[str]:
        problems = [f"acknowledged event {i} lost" for i in self.lost]
        if self.integrity != "ok":
            problems.append(f"integrity_check: {self.integrity}")
        return problems + list(self.chain_problems)


def check_after_kill(db_path: Path, acknowledged: set[int]) -> AfterKill:
    conn = sqlite3.connect(db_path)
    try:
        stored = {row[0] for row in conn.execute("SELECT id FROM events")}
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        chain = [str(problem) for problem in (*audit.verify(conn).problems, *audit.cross_check(conn))]
        return AfterKill(tuple(sorted(acknowledged - stored)), integrity, tuple(chain))
    finally:
        conn.close()


@dataclass
class KillReport:
    kills: int = 0
    acknowledged: set[int] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0
    lost: int = 0
    integrity_ok: int = 0  # kills after which integrity_check said ok
    chain_ok: int = 0  # kills after which the audit chain verified and matched the data
    stored_events: int = 0
    before_first_event: int = 0  # kills that came while the process was still starting


def kill_loop(
    db_path: Path,
    kills: int,
    seed: int,
    min_delay: float = 0.8,
    max_delay: float = 2.5,
    progress: Callable[[KillReport], None] | None = None,
) -> KillReport:
    rng = random.Random(seed)
    report = KillReport()
    started = time.monotonic()
    for round_number in range(kills):
        printed = run_and_kill(db_path, seed + round_number, rng.uniform(min_delay, max_delay))
        report.acknowledged.update(printed)
        report.before_first_event += not printed
        report.kills += 1
        if not report.acknowledged and not _has_schema(db_path):
            # Killed while the very first start was still making the database (a slow, loaded machine): nothing
            # was acknowledged, and what is left is no database yet, which the app refuses to open as if it were
            # one. Start again from nothing, as a person would with `init`.
            for leftover in db_path.parent.glob(db_path.name + "*"):
                leftover.unlink()
            report.integrity_ok += 1
            report.chain_ok += 1
            continue
        after = check_after_kill(db_path, report.acknowledged)
        report.lost += len(after.lost)
        report.integrity_ok += after.integrity == "ok"
        report.chain_ok += not after.chain_problems
        report.problems += after.problems
        if progress:
            progress(report)
        if report.problems:
            break
    report.seconds = time.monotonic() - started
    report.stored_events = _count_events(db_path)
    return report


def _has_schema(db_path: Path) -> bool:
    """Whether the file holds the app's tables (a kill during the first start may leave none, or no file)."""
    if not db_path.exists():
        return False
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'events'").fetchone() is not None
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()


def _count_events(db_path: Path) -> int:
    conn = sqlite3.connect(db_path)
    try:
        return conn.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    finally:
        conn.close()
