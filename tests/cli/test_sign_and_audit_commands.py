"""`mimic-desktop sign` asks for the password at that moment (never MIMIC_PASSWORD), and `mimic-desktop audit`
prints what a record went through, as the History view shows it."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest
from pypdf import PdfReader

from mimic_desktop.cli.main import main
from mimic_desktop.services.accounts import AccountService
from mimic_desktop.services.demo import DEMO_QUESTIONNAIRE
from mimic_desktop.services.procedures import ProcedureService
from mimic_desktop.storage import audit
from tests.support.enrolment import ENROLMENT
from tests.support.signers import make_surgeon_of_record

CLI = [sys.executable, "-m", "tests.support.cheap_cli"]  # the tests' cheap password hashes
SURGEON_PASSWORD = "steady hands 42"


@pytest.fixture
def surgeon(store, coordinator):
    return AccountService(store).create_user("sam.surgeon", "Sam Snijder", "surgeon", SURGEON_PASSWORD, by=coordinator)


@pytest.fixture
def ready(store, recorded, surgeon):
    """A record whose surgeon of record answered every question: it only waits for the signature."""
    make_surgeon_of_record(store, recorded, surgeon)
    ProcedureService(store, surgeon).set_values(recorded, DEMO_QUESTIONNAIRE)
    return recorded


def sign(db_path, env_password: str | None, **how) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    if env_password is not None:
        env["MIMIC_PASSWORD"] = env_password
    command = [*CLI, "sign", "--db", str(db_path), "--user", "sam.surgeon", "MIM-01-001"]
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=120, **how)


def test_a_password_in_the_environment_does_not_sign_without_standard_input(db_path, store, service, ready):
    result = sign(db_path, SURGEON_PASSWORD, stdin=subprocess.DEVNULL)
    assert result.returncode == 2
    assert result.stderr.startswith("error: No password was given: signing asks for your password at this moment")
    assert "Traceback" not in result.stderr
    assert service.load(ready).signatures == []


def test_without_any_standard_input_signing_fails_plainly(db_path, store, service, ready):
    result = sign(db_path, SURGEON_PASSWORD, stdin=subprocess.DEVNULL, preexec_fn=lambda: os.close(0))
    assert result.returncode == 2 and "No password was given" in result.stderr and "Traceback" not in result.stderr
    assert service.load(ready).signatures == []


def test_the_password_asked_for_signs_and_the_environment_is_ignored(db_path, store, service, ready):
    refused = sign(db_path, SURGEON_PASSWORD, input="not my password\n")
    assert refused.returncode == 2 and "Wrong user name or password" in refused.stderr
    assert service.load(ready).signatures == []
    signed = sign(db_path, "a password someone left in the environment", input=SURGEON_PASSWORD + "\n")
    assert signed.returncode == 0, signed.stderr
    signature = service.load(ready).valid_signature()
    assert signature is not None and signature.username == "sam.surgeon"
    assert signature.content_hash in signed.stdout


def test_another_surgeon_cannot_sign_from_the_command_line(db_path, store, coordinator, service, ready, monkeypatch):
    AccountService(store).create_user("kim.surgeon", "Kim Kapper", "surgeon", "other steady hands", by=coordinator)
    monkeypatch.setattr("sys.stdin", io.StringIO("other steady hands\n"))
    assert main(["sign", "--db", str(db_path), "--user", "kim.surgeon", "MIM-01-001"]) == 2
    assert service.load(ready).signatures == []


@pytest.fixture
def went_through(store, service, coordinator, ready, surgeon, monkeypatch):
    """A record that was changed, completed and locked, changed with a reason, refused to a monitor, signed."""
    lesion = service.load(ready).lesions[0]
    service.set_values(ready, {"margin_mm": 12.0}, entity="lesion", entity_id=lesion.id)
    service.complete(ready)
    service.set_values(ready, {"blood_loss_ml": 350}, reason="=HYPERLINK(anaesthesia chart)")
    monitor = AccountService(store).create_user("mo.nitor", "Mo Nitor", "monitor", "watchful eyes 7", by=coordinator)
    with pytest.raises(Exception, match="read-only"):
        ProcedureService(store, monitor).set_values(ready, {"blood_loss_ml": 1})
    monkeypatch.setattr("sys.stdin", io.StringIO(SURGEON_PASSWORD + "\n"))
    assert main(["sign", "--db", str(store.path), "--user", "sam.surgeon", "MIM-01-001"]) == 0
    monkeypatch.setenv("MIMIC_PASSWORD", "watchful eyes 7")  # the monitor reads the trail
    return ready


def audit_command(db_path, *options) -> list[str]:
    return ["audit", "--db", str(db_path), "--user", "mo.nitor", "MIM-01-001", *options]


def test_audit_lists_what_a_changed_and_locked_record_went_through(db_path, service, went_through, capsys):
    assert main(audit_command(db_path, "--json")) == 0
    listed = json.loads(capsys.readouterr().out)
    entries = listed["entries"]
    assert listed["study_id"] == "MIM-01-001"
    assert len(entries) == len(service.audit_trail(went_through)), "every audit row of the record, none left out"
    by_what = {(e["kind"], e["what"]): e for e in entries}
    margin = next(e for e in entries if e["what"].endswith("Resection margin") and e["new"] == "12 mm")
    assert margin["what"].startswith("Lesion 1: ") and margin["who"] == "Anna Coordinator (anna.coord)"
    assert ("record", "Completed and locked") in by_what
    blood = next(e for e in entries if e["reason"] == "=HYPERLINK(anaesthesia chart)")
    assert blood["new"] == "350 mL" and blood["kind"] == "value"
    refused = [e for e in entries if e["refused"]]
    assert [(e["username"], e["kind"]) for e in refused] == [("mo.nitor", "refused")]
    assert "read-only" in refused[0]["new"]
    signed = next(e for e in entries if e["kind"] == "signature")
    assert signed["username"] == "sam.surgeon" and "Sam Snijder: Author" in signed["new"]
    surgeon = next(e for e in entries if e["kind"] == "surgeon")
    assert surgeon["new"] == "sam.surgeon" and surgeon["reason"] == "the operating surgeon's account"
    assert all(e["when"] and "T" not in e["when"] for e in entries), "local time as people read it"

    assert main(audit_command(db_path)) == 0
    text = capsys.readouterr().out
    changes, refusals = text.split("\nRefused attempt:\n")
    assert "=HYPERLINK(anaesthesia chart)" in changes and "mo.nitor" not in changes
    assert "Mo Nitor (mo.nitor)" in refusals

    assert main(audit_command(db_path, "--person", "mo.nitor", "--json")) == 0
    assert {e["username"] for e in json.loads(capsys.readouterr().out)["entries"]} == {"mo.nitor"}
    assert main(audit_command(db_path, "--text", "hyperlink", "--json")) == 0
    assert len(json.loads(capsys.readouterr().out)["entries"]) == 1


def test_audit_writes_csv_and_pdf_and_never_over_the_database(db_path, store, went_through, tmp_path, capsys):
    target = tmp_path / "trail.csv"
    assert main(audit_command(db_path, "--csv", str(target))) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    assert rows[0].keys() >= {"when", "who", "what", "old", "new", "reason", "refused"}
    reasons = [row["reason"] for row in rows if row["reason"].endswith("(anaesthesia chart)")]
    assert reasons == ["'=HYPERLINK(anaesthesia chart)"], "a formula is never evaluated by a spreadsheet"
    pdf = tmp_path / "trail.pdf"
    assert main(audit_command(db_path, "--pdf", str(pdf), "--lang", "nl")) == 0
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Audittrail van het dossier" in text and "Geweigerde pogingen" in text and "Mo Nitor" in text
    capsys.readouterr()
    before = db_path.read_bytes()
    for option in ("--csv", "--pdf"):
        assert main(audit_command(db_path, option, str(db_path))) == 2
        assert "Nothing was written" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    assert main(audit_command(db_path, "--csv", str(tmp_path / "no such folder" / "x.csv"))) == 2
    assert "does not exist" in capsys.readouterr().err
    assert audit.check(store.conn).ok


def test_at_a_terminal_the_password_is_asked_for_even_with_one_in_the_environment(db_path, service, ready):
    """The prompt appears on the terminal (getpass, not echoed), and what is typed there signs."""
    import pty
    import select

    env = dict(os.environ, MIMIC_PASSWORD="a password someone left in the environment")
    command = [*CLI, "sign", "--db", str(db_path), "--user", "sam.surgeon", "MIM-01-001"]
    pid, terminal = pty.fork()
    if pid == 0:  # the child: its controlling terminal is the pseudo-terminal
        os.execve(sys.executable, command, env)
    seen = b""
    try:
        while b"Your password, to sign:" not in seen:
            ready_to_read, _, _ = select.select([terminal], [], [], 60)
            assert ready_to_read, f"no password prompt at the terminal; it showed {seen!r}"
            seen += os.read(terminal, 1024)
        os.write(terminal, SURGEON_PASSWORD.encode() + b"\n")
        while True:
            try:
                chunk = os.read(terminal, 1024)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    finally:
        _, status = os.waitpid(pid, 0)
        os.close(terminal)
    assert os.waitstatus_to_exitcode(status) == 0, seen.decode(errors="replace")
    assert SURGEON_PASSWORD.encode() not in seen, "the password is not echoed"
    signature = service.load(ready).valid_signature()
    assert signature is not None and signature.content_hash.encode() in seen.replace(b"\r\n", b"")


def test_the_surgeon_from_the_command_line(
    db_path, store, service, coordinator, surgeon, recorded, capsys, monkeypatch
):
    """create --surgeon, surgeons, map-surgeon, delegate and confirm-answers --list, each as a coordinator or
    surgeon would type them."""
    AccountService(store).create_user("kim.surgeon", "Kim Kapper", "surgeon", "other steady hands", by=coordinator)
    monkeypatch.setenv("MIMIC_PASSWORD", "correct horse")

    def run(*args: str) -> int:
        return main([args[0], "--db", str(db_path), "--user", *args[1:]])

    sets = [part for name, value in ENROLMENT.items() for part in ("--set", f"{name}={value}")]
    assert run("create", "anna.coord", "MIM-01-002", "--centre", "01", "--surgeon", "kim.surgeon", *sets) == 0
    assert service.find("MIM-01-002").surgeon_username == "kim.surgeon"
    assert run("create", "anna.coord", "MIM-01-003", "--centre", "01", "--surgeon", "anna.coord", *sets) == 2
    assert "'anna.coord' is not an active surgeon account" in capsys.readouterr().err
    assert run("surgeons", "anna.coord") == 0
    out = capsys.readouterr().out
    assert "account\tkim.surgeon\tKim Kapper" in out and "typed\tSurgeon A\tMIM-01-001" in out
    assert run("map-surgeon", "anna.coord", "Surgeon A", "sam.surgeon") == 0
    assert service.find("MIM-01-001").surgeon_username == "sam.surgeon"
    capsys.readouterr()
    # A reason that looks like it names the patient is refused, and kept only with --keep-identifier.
    named = ["delegate", "anna.coord", "MIM-01-001", "kim.surgeon", "--reason", "Mr. Jan Jansen asked for Kim"]
    assert run(*named) == 2
    refused = capsys.readouterr().err
    assert "Reason: this looks like it holds an identifier" in refused and "--keep-identifier REASON" in refused
    assert [r for r in service.audit_trail(recorded) if r["entity"] == "delegation"] == []
    assert run(*named[:-1], "Sam is abroad", "--keep-identifier", "never used: the reason is clean") == 0
    assert [r for r in service.audit_trail(recorded) if r["entity"] == "identifier"] == []
    capsys.readouterr()
    service.set_values(recorded, DEMO_QUESTIONNAIRE)
    monkeypatch.setenv("MIMIC_PASSWORD", "other steady hands")
    assert run("confirm-answers", "kim.surgeon", "MIM-01-001", "q_usefulness") == 0
    assert run("confirm-answers", "kim.surgeon", "MIM-01-001", "--list") == 0
    listed = capsys.readouterr().out.splitlines()
    assert "q_usefulness\t4\tentered by anna.coord\tconfirmed by kim.surgeon" in listed
    assert "q_image_quality\t5\tentered by anna.coord\tnot confirmed" in listed
