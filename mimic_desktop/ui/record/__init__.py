"""The after-surgery record pages: patient, lesions and pathology, post-operative course, questionnaire,
completion and documents."""

from .record_view import RecordView

__all__ = ["RecordView"]
