"""Kill `simulate` with SIGKILL at random moments: no event id it printed may be lost."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import pytest

from mimic_desktop.storage import audit


def run_and_kill(db_path, seed: int, delay: float) -> list[int]:
    """Start simulate, kill it after delay seconds, return the ids it printed (all committed)."""
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
        stderr=subprocess.PIPE,
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
    process.stderr.close()
    assert process.returncode == -signal.SIGKILL, "simulate ended before it was killed"
    return printed


def check_database(db_path, acknowledged: set[int]) -> None:
    conn = sqlite3.connect(db_path)
    stored = {row[0] for row in conn.execute("SELECT id FROM events")}
    lost = acknowledged - stored
    assert not lost, f"{len(lost)} acknowledged events lost, e.g. {sorted(lost)[:5]}"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    result = audit.verify(conn)
    assert result.ok, result.summary()
    assert audit.cross_check(conn) == []
    conn.close()


def kill_loop(db_path, kills: int, seed: int) -> int:
    rng = random.Random(seed)
    acknowledged: set[int] = set()
    for round_number in range(kills):
        printed = run_and_kill(db_path, seed + round_number, rng.uniform(0.8, 2.5))
        acknowledged.update(printed)
        check_database(db_path, acknowledged)
    return len(acknowledged)


def test_a_few_kills_lose_nothing(tmp_path):
    assert kill_loop(tmp_path / "kill.sqlite", kills=3, seed=1) > 0


@pytest.mark.slow
def test_two_hundred_kills_lose_nothing(tmp_path):
    kills = int(os.environ.get("MIMIC_KILLS", "200"))
    assert kill_loop(tmp_path / "kill.sqlite", kills=kills, seed=1000) > 0
