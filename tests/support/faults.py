"""Fault injection: kill a recording process with SIGKILL and check what survived."""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from mimic_desktop.storage import audit


def run_and_kill(db_path: Path, seed: int, delay: float) -> list[int]:
    """Start `simulate`, SIGKILL it after delay seconds; the ids it printed had all committed."""
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mimic_desktop.cli.main",
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


def database_problems(db_path: Path, acknowledged: set[int]) -> list[str]:
    conn = sqlite3.connect(db_path)
    try:
        stored = {row[0] for row in conn.execute("SELECT id FROM events")}
        problems = [f"acknowledged event {i} lost" for i in sorted(acknowledged - stored)]
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity_check: {integrity}")
        problems += list(audit.verify(conn).problems) + audit.cross_check(conn)
        return problems
    finally:
        conn.close()


@dataclass
class KillReport:
    kills: int = 0
    acknowledged: set[int] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def kill_loop(db_path: Path, kills: int, seed: int, min_delay: float = 0.8, max_delay: float = 2.5) -> KillReport:
    rng = random.Random(seed)
    report = KillReport()
    started = time.monotonic()
    for round_number in range(kills):
        report.acknowledged.update(run_and_kill(db_path, seed + round_number, rng.uniform(min_delay, max_delay)))
        report.kills += 1
        report.problems += database_problems(db_path, report.acknowledged)
        if report.problems:
            break
    report.seconds = time.monotonic() - started
    return report
