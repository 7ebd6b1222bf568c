"""审核 findings in the window's language: the domain writes each message in Chinese and
keeps its template and arguments (``audit.Message``); here the template and the form's
words among the arguments (``audit.Term``) are translated, the clerk's data is not."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain.audit import Message, Term

CONTEXT = "audit"


def finding_text(message: str) -> str:
    """The message of a finding as the window shows it."""
    if not isinstance(message, Message):
        return message
    args = {
        key: QCoreApplication.translate(CONTEXT, value) if isinstance(value, Term) else value
        for key, value in message.args.items()
    }
    try:
        return QCoreApplication.translate(CONTEXT, message.template).format(**args)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return str(message)
