"""Subcommands that print PDFs and sign the questionnaire: pdf-summary, pdf-questionnaire, sign."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.forms import LANGUAGES
from .common import AddCommand, password, signed_in


def cmd_pdf_summary(args: argparse.Namespace) -> None:
    from ..services.documents import write_summary_pdf

    service = signed_in(args)
    print(write_summary_pdf(service, service.find(args.study_id).id, args.out, lang=args.lang))


def cmd_pdf_questionnaire(args: argparse.Namespace) -> None:
    from ..services.documents import write_questionnaire_pdf

    service = signed_in(args)
    proc_id = service.find(args.study_id).id
    print(write_questionnaire_pdf(service, proc_id, args.out, lang=args.lang, blank=args.blank))


def cmd_sign(args: argparse.Namespace) -> None:
    from ..domain.clock import local_text
    from ..services.signing import SigningService, signature_meaning

    service = signed_in(args)
    proc = service.find(args.study_id)
    signing = SigningService(service.store, service.user, service.clock)
    meaning = args.meaning if args.meaning is not None else signature_meaning(args.lang)
    signature = signing.sign_questionnaire(proc.id, password("Your password, to sign: "), meaning=meaning)
    print(
        f"Questionnaire of {proc.study_id} signed by {signature.printed_name} on "
        f"{local_text(signature.signed_at)} ({signature.meaning}); content hash {signature.content_hash}."
    )


def register(command: AddCommand) -> None:
    p = command("pdf-summary", cmd_pdf_summary, "write the procedure summary as a PDF", user=True)
    p.add_argument("study_id")
    p.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    p.add_argument("--lang", choices=LANGUAGES, default="en")
    p = command("pdf-questionnaire", cmd_pdf_questionnaire, "write the surgeon questionnaire as a PDF", user=True)
    p.add_argument("study_id")
    p.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    p.add_argument("--blank", action="store_true", help="a blank form to fill in on paper")
    p.add_argument("--lang", choices=LANGUAGES, default="en")
    p = command("sign", cmd_sign, "sign the questionnaire as the surgeon (asks for your password again)", user=True)
    p.add_argument("study_id")
    p.add_argument(
        "--meaning", default=None, help="what the signature means (default: the form's statement of authorship)"
    )
    p.add_argument("--lang", choices=LANGUAGES, default="en", help="the language of the statement you sign")
