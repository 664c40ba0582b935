"""Central import of session files, against parsing the same JSON and inserting it with bare sqlite3."""

from __future__ import annotations

import io
import json
import random
import sqlite3
import time
import uuid
import zipfile
from pathlib import Path

from tests.support.office import data_manager

from . import workspace
from .core import Aim, Context, Measure, Row, require

METHOD = """
Session files are exported from records made through the service layer and signed as the
application signs them; each carries its own session and study ID. The central import is timed
over all of them, one file after the other, into a fresh central database (the note adds the
rate per second of this process's CPU time, which waiting for a processor does not change). The
baseline reads
the same files, parses the same JSON and inserts the procedure and its lesions with bare sqlite3
(WAL, `synchronous=FULL`, one commit per file).
"""

IMPORT = Measure(
    "central_import",
    "Central import of session files",
    "files/s",
    "same JSON parsed and inserted with bare sqlite3",
    Aim("≥ 300 files/s", 300, at_least=True),
)
MEASURES = (IMPORT,)


def make_files(ctx: Context, folder: Path) -> dict[str, Path]:
    """ctx.settings.files signed session files of one finished three-lesion record, each its own session.

    Study IDs run MIM-01-001 to MIM-01-999, then on in centre 02 and so on; each centre signs
    with its own key, as each centre's laptops do. Returns the public key file of each centre.
    """
    from mimic_desktop.exchange import session_file, signing_keys
    from mimic_desktop.services.export import ExportService
    from mimic_desktop.services.simulate import record_procedure

    laptop = workspace.local(ctx)
    proc_id = record_procedure(laptop.service, random.Random(300), lesions=3)
    laptop.service.complete(proc_id)
    exported = ExportService(laptop.store, laptop.service.user, key_path=folder / "laptop-key.pem")
    data = exported.export(proc_id, folder).path.read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        content = {name: archive.read(name) for name in session_file.CONTENT}
    record = json.loads(content[session_file.RECORD])
    files, keys = folder / "files", {}
    files.mkdir()
    for number in range(ctx.settings.files):
        centre = f"{number // 999 + 1:02d}"
        key = keys.setdefault(centre, signing_keys.new_private_key())
        record["session_id"] = record["record"]["session_id"] = uuid.uuid4().hex
        record["record"]["centre"] = centre
        record["record"]["study_id"] = f"MIM-{centre}-{number % 999 + 1:03d}"
        header = session_file.Header(
            record["session_id"], 1, record["record"]["study_id"], centre, record["exported_at"], False
        )
        body = content | {session_file.RECORD: session_file.canonical_json(record)}
        (files / f"{number:05d}{session_file.SUFFIX}").write_bytes(session_file.write(body, header, key))
    public = {}
    for centre, key in keys.items():
        public[centre] = folder / f"centre-{centre}.pem"
        public[centre].write_bytes(signing_keys.public_key_pem(signing_keys.raw_public_key(key)))
    return public


def bare_import(files: list[Path], path: Path) -> float:
    """Seconds to read each file, parse its record JSON, and insert procedure and lesions, one commit each."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE procedures (session_id TEXT PRIMARY KEY, study_id TEXT, record TEXT)")
    conn.execute("CREATE TABLE lesions (session_id TEXT, number INTEGER, segments TEXT, margin_mm REAL)")
    start = time.perf_counter()
    for file in files:
        with zipfile.ZipFile(io.BytesIO(file.read_bytes())) as archive:
            text = archive.read("record.json").decode("utf-8")
        record = json.loads(text)
        body = record["record"]
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO procedures VALUES (?, ?, ?)", (record["session_id"], body["study_id"], text))
        conn.executemany(
            "INSERT INTO lesions VALUES (?, ?, ?, ?)",
            [
                (
                    record["session_id"],
                    lesion["number"],
                    ";".join(lesion["values"].get("segments", [])),
                    lesion["values"].get("margin_mm"),
                )
                for lesion in body["lesions"]
            ],
        )
        conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def run(ctx: Context) -> list[Row]:
    require("mimic_desktop.exchange.session_file")
    central_import = require("mimic_desktop.services.central_import")
    centre_keys = require("mimic_desktop.services.centre_keys")
    folder = ctx.folder("central-import")
    public = make_files(ctx, folder)
    files = central_import.session_files([folder / "files"])
    store = central_import.init_central(folder / "central.sqlite")
    for centre, key_file in public.items():
        centre_keys.register_centre(store, data_manager(store), centre, key_file)
    start, cpu = time.perf_counter(), time.process_time()
    summary = central_import.CentralImporter(store, data_manager(store)).import_paths(files)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    store.close()
    imported = summary.count(*central_import.IMPORTED)
    if imported != len(files):
        raise RuntimeError(f"only {imported} of {len(files)} files imported: {summary.text()[:500]}")
    baseline = bare_import(files, folder / "bare.sqlite")
    what = (
        f"{len(files):,} files of {files[0].stat().st_size // 1024} KiB, one after the other; "
        f"{len(files) / cpu:,.0f} files per second of this process's CPU time"
    )
    return [Row(IMPORT, len(files) / seconds, len(files) / baseline, what)]
