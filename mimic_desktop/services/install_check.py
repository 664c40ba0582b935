"""The installation check hospital IT runs after installing or updating (`mimic-desktop check-install`).

Each check reports what it found in plain words; none reads or changes a real database.
"""

from __future__ import annotations

import random
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import APP_NAME, __version__
from ..domain import forms
from ..domain.clock import utc_now
from ..domain.errors import MimicError
from ..domain.roles import User
from ..domain.shipped import bundled, installed_at
from ..domain.wording import Text, said
from ..storage.connection import Store
from . import paths
from .accounts import AccountService
from .procedures import ProcedureService

CHECK_CENTRE = "99"  # the practice procedure's centre code, far from the real centres' codes


# What each check looks at, as its line names it.
CHECKS = {
    "program": Text("program"),
    "forms": Text("forms"),
    "PDF fonts": Text("PDF fonts"),
    "data folder": Text("data folder"),
    "database": Text("database"),
    "video": Text("video"),
    "main window": Text("main window"),
}
VERDICTS = {True: Text("ok"), False: Text("FAIL")}


@dataclass(frozen=True)
class Finding:
    what: str  # a key of CHECKS
    ok: bool
    detail: Text | MimicError | str  # a path, or what was found in words, or the error that stopped the check

    def line(self, lang: str = "en") -> str:
        """One line for the reader: the verdict, what was checked, what was found."""
        detail = self.detail if isinstance(self.detail, str) else said(self.detail, lang)
        return f"{VERDICTS[self.ok].text(lang):<4}  {CHECKS[self.what].text(lang)}: {detail}"


def finding(what: str, check: Callable[[], Text | str]) -> Finding:
    """Run one check; any error becomes a failed finding with its message, never a traceback."""
    try:
        return Finding(what, True, check())
    except MimicError as error:
        return Finding(what, False, error)
    except Exception as error:  # the check reports every kind of failure, whatever raised it
        return Finding(what, False, str(error) or type(error).__name__)


def verdict(failed: int) -> Text:
    """The last line: all well, or how many checks failed."""
    if not failed:
        return Text("Installation OK.")
    return Text("{failed} check(s) FAILED: see above.", failed=failed)


def _program() -> Text:
    kind = Text("standalone bundle") if bundled() else f"Python {sys.version.split()[0]}"
    return Text(
        "{program} {version} ({kind}, SQLite {sqlite}) in {folder}",
        program=APP_NAME,
        version=__version__,
        kind=kind,
        sqlite=sqlite3.sqlite_version,
        folder=str(installed_at()),
    )


def _forms() -> Text:
    return Text(
        "{fields} case report form fields, {questions} questions, {events} events in {folder}",
        fields=len(forms.crf().fields()),
        questions=len(forms.questionnaire().fields()),
        events=len(forms.events()),
        folder=str(forms.forms_dir()),
    )


def _pdf_fonts() -> str:
    from ..reports import fonts

    fonts.register()
    return str(fonts.font_file(fonts.REGULAR).parent)


def _data_folder() -> str:
    """The folder must take new files: the database, its backups and crash reports live there."""
    folder = paths.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".write-check-"):
        pass
    return str(folder)


def _database(db_path: Path) -> Text:
    if db_path.exists():
        return Text("{path} ({size} bytes)", path=str(db_path), size=f"{db_path.stat().st_size:,}")
    return Text("{path} (not created yet: the first start opens a demo database)", path=str(db_path))


def _video() -> Text:
    """Whether frames can be read: OpenCV (the video extra) loads and decodes an image the app's own way.

    Imported here, when the check runs, never when the app starts. A Python installation may do without the
    extra (frames then cannot be kept or measured, and the app says so where they would be); the standalone
    bundle carries OpenCV, so there its absence is a broken build and the check fails."""
    from .fluorescence import NoVideoSupport, decode, opencv

    try:
        cv2 = opencv()
    except NoVideoSupport:
        if bundled():
            raise
        return Text(
            "not available: OpenCV is not installed, so frames cannot be kept or measured"
            " (pip install 'mimic-desktop[video]')"
        )
    import numpy as np

    encoded, png = cv2.imencode(".png", np.zeros((2, 2), np.uint8))
    if not encoded:
        raise NoVideoSupport(Text("OpenCV {version} could not encode an image.", version=cv2.__version__))
    decode(png.tobytes(), "check")
    return Text("OpenCV {version}: frames can be read and measured", version=cv2.__version__)


def check_installation(db_path: Path | None = None) -> Iterator[Finding]:
    """The checks that need no display, one finding at a time (so a slow one shows progress)."""
    yield finding("program", _program)
    yield finding("forms", _forms)
    yield finding("PDF fonts", _pdf_fonts)
    yield finding("data folder", _data_folder)
    yield finding("database", lambda: _database(db_path or paths.default_db_path()))
    yield finding("video", _video)


def practice_procedure(folder: Path) -> tuple[Store, User, str]:
    """A throw-away demo database in folder with a new procedure for the window check to record on."""
    from .demo import DEMO_PASSWORD, DEMO_USERS, create_demo
    from .simulate import enrolment_values, next_study_id

    store = create_demo(folder / "install-check.sqlite")
    coordinator = AccountService(store).sign_in(DEMO_USERS[0][0], DEMO_PASSWORD)
    study_id, centre = next_study_id(store, CHECK_CENTRE)
    values = enrolment_values(random.Random(), utc_now(), lesions=1)
    return store, coordinator, ProcedureService(store, coordinator).create(study_id, centre, values)
