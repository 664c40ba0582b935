"""What every benchmark shares: measures and their aims, result rows, statistics, child processes."""

from __future__ import annotations

import importlib
import importlib.util
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .child import CHILD_MARK

REPO = Path(__file__).resolve().parent.parent


class NotAvailable(Exception):
    """The component a benchmark measures is not part of this build yet."""


def require(module: str, *names: str) -> Any:
    """Import a component of the app, or say plainly that it does not exist yet.

    Only a missing module file or a missing name counts as "not available": an existing module
    that fails to import is a bug and propagates.
    """
    try:
        spec = importlib.util.find_spec(module)
    except ModuleNotFoundError:
        spec = None
    if spec is None:
        raise NotAvailable(f"{module} does not exist yet")
    loaded = importlib.import_module(module)
    missing = [name for name in names if not hasattr(loaded, name)]
    if missing:
        raise NotAvailable(f"{module} has no {', '.join(missing)}")
    return loaded


@dataclass(frozen=True)
class Aim:
    """A target: on the measured value itself, or on its ratio to the baseline."""

    text: str
    limit: float
    on_ratio: bool = False
    at_least: bool = False

    def met(self, value: float, ratio: float) -> bool:
        figure = ratio if self.on_ratio else value
        return figure >= self.limit if self.at_least else figure <= self.limit


@dataclass(frozen=True)
class Measure:
    """One line of the table: what is measured, in which unit, against what, with which aim."""

    key: str
    title: str
    unit: str  # "s", "bytes" or "files/s"; values are kept in these base units
    baseline: str
    aim: Aim | None = None

    @property
    def higher_is_better(self) -> bool:
        return self.unit == "files/s"


@dataclass
class Row:
    measure: Measure
    value: float | None = None
    baseline: float | None = None
    statistic: str = ""
    status: str = "ok"  # ok, not available, failed
    note: str = ""

    @property
    def ratio(self) -> float | None:
        """How many times the baseline's cost the app's figure is (above 1: slower or larger)."""
        if self.value is None or not self.baseline:
            return None
        if self.measure.higher_is_better:
            return self.baseline / self.value if self.value else None
        return self.value / self.baseline

    @property
    def verdict(self) -> str:
        if self.status != "ok":
            return self.status
        aim = self.measure.aim
        if aim is None or self.value is None:
            return "-"
        ratio = self.ratio
        if aim.on_ratio and ratio is None:
            return "-"
        return "met" if aim.met(self.value, ratio or 0.0) else "MISSED"


@dataclass
class Settings:
    quick: bool
    repetitions: int
    files: int
    report_lesions: int
    memory_lesions: int
    commit_procedures: int

    @classmethod
    def make(cls, quick: bool, files: int | None = None) -> Settings:
        if quick:
            return cls(True, 3, files or 100, 2_000, 10, 2)
        return cls(False, 9, files or 10_000, 100_000, 50, 10)


@dataclass
class Context:
    """The run's settings, its scratch folder, and what benchmarks share within one run."""

    settings: Settings
    workdir: Path
    cache: dict[str, Any] = field(default_factory=dict)

    def shared(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]

    def folder(self, name: str) -> Path:
        path = self.workdir / name
        path.mkdir(parents=True, exist_ok=True)
        return path


def median(samples: Sequence[float]) -> float:
    return statistics.median(samples)


def percentile(samples: Sequence[float], fraction: float) -> float:
    """Nearest-rank percentile: a value that was actually observed."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(round(fraction * len(ordered), 9)))  # 0.99 * 1000 is not quite 990
    return ordered[min(rank, len(ordered)) - 1]


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


@dataclass
class Clocks:
    """Wall-clock seconds of each call (the figure), and the CPU seconds this process spent in it.

    On a machine shared with other work the wall clock includes waiting for a processor; the CPU
    time is the application's own share, reported beside the figure.
    """

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def time(self, fn: Callable[[], Any]) -> None:
        cpu = time.process_time()
        self.wall.append(timed(fn))
        self.cpu.append(time.process_time() - cpu)


def child_env(workdir: Path) -> dict[str, str]:
    """A child sees the repository, draws offscreen and keeps its files in the scratch folder.

    Children read and keep compiled bytecode (__pycache__), as an installed application does; a
    shell that sets PYTHONDONTWRITEBYTECODE would otherwise have every start compile the
    application's modules again. Each benchmark starts one unmeasured child first.
    """
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["MIMIC_DATA_DIR"] = str(workdir / "child-data")
    env["MIMIC_CONFIG_DIR"] = str(workdir / "child-config")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    return env


@dataclass(frozen=True)
class ChildResult:
    seconds: float  # from starting the process to its result line
    data: dict[str, Any]
    cpu_seconds: float  # the CPU time the child used, to its exit


def run_child(module: str, *args: str, workdir: Path, timeout: float = 120) -> ChildResult:
    """Start `python -m module args` fresh and wait for the one result line it prints."""
    command = [sys.executable, "-m", module, *args]
    # stderr goes to a file: a chatty child must never block on a full pipe while we read stdout.
    with tempfile.TemporaryFile("w+") as errors:
        start = time.perf_counter()
        used = resource.getrusage(resource.RUSAGE_CHILDREN)
        process = subprocess.Popen(
            command, cwd=REPO, env=child_env(workdir), stdout=subprocess.PIPE, stderr=errors, text=True
        )
        assert process.stdout is not None
        watchdog = threading.Timer(timeout, process.kill)  # a hung child must not hang the run
        watchdog.start()
        data = None
        elapsed = 0.0
        try:
            for line in process.stdout:
                if line.startswith(CHILD_MARK):
                    elapsed = time.perf_counter() - start
                    data = json.loads(line[len(CHILD_MARK) :])
                    break
            process.communicate()
        finally:
            watchdog.cancel()
        if data is None or process.returncode != 0:
            errors.seek(0)
            detail = errors.read().strip()[-2000:]
            raise RuntimeError(f"{' '.join(command[1:])} exited with {process.returncode}: {detail}")
    done = resource.getrusage(resource.RUSAGE_CHILDREN)  # children run one at a time: this is its own
    cpu = (done.ru_utime - used.ru_utime) + (done.ru_stime - used.ru_stime)
    return ChildResult(elapsed, data, cpu)
