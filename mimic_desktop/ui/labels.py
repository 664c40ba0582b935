"""Labels in the roles the themes style: section headings and plain-word error messages."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def heading(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "section")
    label.setWordWrap(True)
    return label


def message_label(object_name: str) -> QLabel:
    """An empty label that says in words what went wrong, once something did."""
    label = QLabel()
    label.setObjectName(object_name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    return label
