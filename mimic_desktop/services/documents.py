"""Printing a record: the procedure summary and the surgeon questionnaire as PDF files."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..domain import rules
from ..domain.answers import answer_sources
from ..domain.clock import utc_now
from ..domain.errors import NotFound, ValidationError
from ..domain.forms import LANGUAGES
from ..domain.record import Procedure
from ..domain.wording import Text
from ..exchange.files import write_files
from ..storage import audit, repository, users
from ..storage.connection import Store
from .own_connection import on_own_connection
from .procedures import ProcedureService
from .settings import icg_window
from .signing import check_signature

if TYPE_CHECKING:
    from ..reports.summary import AuditSummary


def _store(source: Store | ProcedureService) -> Store:
    return source.store if isinstance(source, ProcedureService) else source


def _load(store: Store, proc_id: str) -> Procedure:
    proc = repository.load_procedure(store.conn, proc_id)
    if proc is None:
        raise NotFound(Text("There is no procedure with id {id}.", id=proc_id))
    return proc


def _check_lang(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValidationError(
            Text("PDFs are printed in one of {languages}, not {lang!r}.", languages=", ".join(LANGUAGES), lang=lang),
            "lang",
        )
    return lang


NOT_CHANGES = {"access", "answer"}


def audit_summary(store: Store, proc: Procedure) -> AuditSummary:
    """The record's audit entries, people and changes made with a reason, and the verification of the whole chain."""
    from ..reports.summary import AuditSummary
    from .record_changes import changes_with_reason

    rows = repository.audit_rows(store.conn, proc.id)
    chain = audit.check(store.conn)
    return AuditSummary(
        entries=len(rows),
        first_at=rows[0]["at_utc"] if rows else None,
        last_at=rows[-1]["at_utc"] if rows else None,
        # Only those whose rows changed the record: a refused attempt or a confirmation changes nothing.
        people=tuple(dict.fromkeys(r["username"] for r in rows if r["entity"] not in NOT_CHANGES)),
        chain_ok=chain.ok,
        chain_rows=chain.rows,
        head_hash=chain.head_hash,
        problems=chain.problems,
        changes=changes_with_reason(rows, proc),
    )


def write_summary_pdf(
    source: Store | ProcedureService, proc_id: str, path: Path, lang: str = "en", with_stills: bool = True
) -> Path:
    """The procedure summary of one record as an A4 PDF; returns the path written. with_stills=False leaves the kept
    frames' pictures out (the summary in a session file whose frames do not travel)."""
    from ..reports.summary import QueryLine, SummaryContext, write_summary
    from .frames import stills_of_record
    from .query_answers import queries, target_of

    store, lang, path = _store(source), _check_lang(lang), Path(path)
    proc = _load(store, proc_id)
    check = check_signature(store, proc)
    ctx = SummaryContext(
        audit=audit_summary(store, proc),
        signature_state=check.state.text(lang),
        signature_ok=check.ok,
        missing=[] if proc.locked else rules.missing_for_completion(proc, lang),
        icg_window=icg_window(store),
        printed_at=utc_now(),
        queries=tuple(
            QueryLine(query.id, target_of(query).text(lang), query.text, query.answer_text, query.answered_utc)
            for query in queries(store, proc.study_id)
        ),
        stills=tuple(stills_of_record(store, proc)) if with_stills else (),
    )
    return write_files({path: lambda target: write_summary(proc, ctx, target, lang)})[0]


def write_questionnaire_pdf(
    source: Store | ProcedureService, proc_id: str | None, path: Path, lang: str = "en", blank: bool = False
) -> Path:
    """The surgeon questionnaire, filled in with its signature, or blank for paper (proc_id may then be None)."""
    from ..reports.questionnaire import QuestionnaireContext, write_questionnaire

    store, lang, path = _store(source), _check_lang(lang), Path(path)
    proc = _load(store, proc_id) if proc_id is not None else None
    if proc is None and not blank:
        raise ValidationError(Text("A filled-in questionnaire needs a procedure; print a blank one for paper."))
    check = check_signature(store, proc) if proc is not None and not blank else None
    ctx = QuestionnaireContext(
        blank=blank,
        signature=check.signature if check else None,
        signature_state=check.state.text(lang) if check else "",
        signature_ok=check.ok if check else False,
        printed_at=utc_now(),
        sources=answer_source_texts(store, proc, lang) if proc is not None and not blank else {},
    )
    return write_files({path: lambda target: write_questionnaire(proc, ctx, target, lang)})[0]


SOURCE_WORDS: dict[str, Text] = {
    "entered": Text("Entered by {name}"),
    "confirmed": Text("Entered by {name}, confirmed by {confirmer}"),
}


def answer_source_texts(store: Store, proc: Procedure, lang: str = "en") -> dict[str, str]:
    """Who entered each answer and who confirmed it, in words, for the printed questionnaire."""
    names = users.full_names(store.conn)
    texts = {}
    for name, source in answer_sources(repository.audit_rows(store.conn, proc.id)).items():
        entered = names.get(source.entered_by, source.entered_by)
        if source.confirmed_by:
            confirmer = names.get(source.confirmed_by, source.confirmed_by)
            texts[name] = SOURCE_WORDS["confirmed"].fill(name=entered, confirmer=confirmer).text(lang)
        else:
            texts[name] = SOURCE_WORDS["entered"].fill(name=entered).text(lang)
    return texts


def write_in_background(db_path: Path, kind: str, proc_id: str, path: Path, lang: str = "en") -> Path:
    """Print one document on a connection of its own, for a thread beside the one the screen saves through.

    kind is "summary", "questionnaire" (filled in) or "blank" (the questionnaire for paper).
    """

    def write(store: Store) -> Path:
        if kind == "summary":
            return write_summary_pdf(store, proc_id, path, lang)
        return write_questionnaire_pdf(store, proc_id, path, lang, blank=kind == "blank")

    return on_own_connection(db_path, write)
