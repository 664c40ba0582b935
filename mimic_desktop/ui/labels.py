"""Labels in the roles the themes style: section headings, captions and plain-word error messages."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    label.setWordWrap(True)
    return label


def caption(text: str, object_name: str = "") -> QLabel:
    """A quieter line of explanation under a heading or beside an action."""
    label = QLabel(text)
    label.setObjectName(object_name)
    label.setProperty("role", "caption")
    label.setWordWrap(True)
    return label


def message_label(object_name: str) -> QLabel:
    """An empty label that says in words what went wrong, once something did."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    return label
