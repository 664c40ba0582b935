"""Errors that carry a message meant for the person at the keyboard."""

from __future__ import annotations

from .wording import SOURCE_LANGUAGE, Text


class MimicError(Exception):
    """Base class: a plain-language message fit for a dialog.

    The message is a Text, said in the reader's language by text(lang) (wording.said does the same for
    any error); str(error) says it in lang, the language of whoever the error was raised for (English
    when that is not known: logs, the audit trail's refusals, the command line without --lang).
    """

    def __init__(self, message: Text | str = "", *, lang: str = SOURCE_LANGUAGE) -> None:
        super().__init__(message)
        self.message = message
        self.lang = lang

    def text(self, lang: str = SOURCE_LANGUAGE) -> str:
        message = self.message
        return message.text(lang) if isinstance(message, Text) else str(message)

    def __str__(self) -> str:
        return self.text(self.lang)


class ValidationError(MimicError):
    """A value or a combination of values breaks a rule of the protocol."""

    def __init__(self, message: Text | str, field: str | None = None, *, lang: str = SOURCE_LANGUAGE):
        super().__init__(message, lang=lang)
        self.field = field


class PermissionDenied(MimicError):
    """The signed-in user's role does not allow this action."""


class ReasonRequired(MimicError):
    """The record is locked or signed, so a change needs a reason."""


class RecordLocked(ReasonRequired):
    """The record is complete and locked, and the change came without a reason."""


class SignedAnswersChanged(ReasonRequired):
    """An answer of a signed questionnaire changes without a reason (the change voids the signature)."""


class NotFound(MimicError):
    """A procedure, lesion, event or user that does not exist."""


class AuthenticationFailed(MimicError):
    """Wrong user name or password."""


class ChangedDuringExport(MimicError):
    """The record changed while its session file was being made: the file was not marked as exported."""


class BreaksCompletionRules(ValidationError):
    """A change to a complete, locked record would leave it breaking a rule that completion enforces."""


class LooksLikeIdentifier(ValidationError):
    """Typed free text looks like it holds a direct identifier of the patient, and no reason to keep it was given:
    nothing was saved. Rewriting the text, or saving it again with a reason (recorded in the audit trail), goes on.
    """
