"""Errors that carry a message meant for the person at the keyboard."""


class MimicError(Exception):
    """Base class: str(error) is a plain-language message fit for a dialog."""


class ValidationError(MimicError):
    """A value or a combination of values breaks a rule of the protocol."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
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
