"""Steps a widget test takes through the main window: answering a prompt, choosing an event on the timeline."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from mimic_desktop.ui.dialogs import TextPrompt


def prompt_text(dialog: TextPrompt) -> str:
    return " ".join(label.text() for label in dialog.findChildren(QLabel))


def answer_prompt(window, actions, answer: str | None, seen: list[str]) -> None:
    """Answer the TextPrompt the next action opens with this text (None: cancel it); its wording goes into seen."""

    def respond(dialog: TextPrompt) -> None:
        seen.append(prompt_text(dialog))
        if answer is None:
            actions.click(dialog.buttons.buttons()[1])
            return
        actions.type(dialog.text, answer)
        actions.click(dialog.buttons.buttons()[0])

    actions.answer_dialog(lambda: window.findChild(TextPrompt), respond)


def select_event(actions, timeline, event_id: int) -> None:
    """Click the event's row on the live screen's timeline."""
    item = timeline.item_for(event_id)
    timeline.tree.scrollToItem(item)
    actions.click(timeline.tree.viewport(), timeline.tree.visualItemRect(item).center())
    assert timeline.selected_event_id() == event_id


def sign_in_as(username: str, password: str):
    """A SignInDialog.exec that signs in as this user, for monkeypatching the Switch user dialog."""

    def exec_(dialog) -> int:
        dialog.account.setCurrentIndex(dialog.account.findData(username))
        dialog.password.setText(password)
        dialog.accept()
        return dialog.result()

    return exec_
