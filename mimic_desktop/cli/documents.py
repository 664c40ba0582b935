"""Subcommands that print PDFs and sign the questionnaire: pdf-summary, pdf-questionnaire, sign."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..domain.forms import LANGUAGES
from ..domain.wording import Text, say
from .common import AddCommand, signed_in


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
    from ..services.accounts import COMMAND_LINE, AccountService, PasswordChangeRequired
    from ..services.procedures import ProcedureService
    from ..services.signing import SigningService
    from ..storage.connection import open_store
    from .common import db_path
    from .fresh_password import password_now

    store = open_store(db_path(args), create=False)
    # One password, asked for now, signs in and signs: the environment's MIMIC_PASSWORD is not used here.
    given = password_now("Your password, to sign: ")
    user = AccountService(store).sign_in(args.user, given, where=COMMAND_LINE)
    if user.must_change_password:
        raise PasswordChangeRequired(
            Text(
                "The password of {name} was reset by a coordinator: choose a new one first"
                " (in the app, or with `mimic-desktop passwd --user {name}`).",
                name=user.username,
            ),
            lang=args.lang,
        )
    proc = ProcedureService(store, user).find(args.study_id)
    signing = SigningService(store, user)
    signature = signing.sign_questionnaire(proc.id, given, meaning=args.meaning, lang=args.lang)
    print(
        say(
            "Questionnaire of {study_id} signed by {name} on {when} ({meaning}); content hash {hash}.",
            args.lang,
            study_id=proc.study_id,
            name=signature.printed_name,
            when=local_text(signature.signed_at),
            meaning=signature.meaning,
            hash=signature.content_hash,
        )
    )


def register(command: AddCommand) -> None:
    p = command("pdf-summary", cmd_pdf_summary, "write the procedure summary as a PDF", user=True)
    p.add_argument("study_id")
    p.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language (default: yours: the app's setting, else the system's)",
    )
    p = command("pdf-questionnaire", cmd_pdf_questionnaire, "write the surgeon questionnaire as a PDF", user=True)
    p.add_argument("study_id")
    p.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    p.add_argument("--blank", action="store_true", help="a blank form to fill in on paper")
    p.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language (default: yours: the app's setting, else the system's)",
    )
    p = command(
        "sign",
        cmd_sign,
        "sign the questionnaire as its surgeon (asks for your password at the terminal or reads it from standard "
        "input; never from MIMIC_PASSWORD)",
        user=True,
    )
    p.add_argument("study_id")
    # The codes are checked when signing: reading forms/ here would stop check-install naming missing forms.
    p.add_argument(
        "--meaning",
        default=None,
        help="what the signature means: the code of one of the meanings forms/questionnaire.json defines "
        "(author, confirmed_author, delegate); default: the first that fits the signer",
    )
    p.add_argument(
        "--lang", choices=LANGUAGES, default=None, help="the language of the statement you sign (default: yours)"
    )
