"""The domain's sentences in the window's language — 审核 findings, why an amount or a
date was refused, the lines of what changed between two versions (``domain.diff``): the
domain writes each in Chinese and keeps its template and arguments (``messages.Message``);
here the template and the form's words among the arguments (``messages.Term``) are
translated, the clerk's data is not."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.domain import flag_text
from desktop.domain.messages import Listing, Message, Term

CONTEXT = "audit"


def finding_text(message: str) -> str:
    """A domain sentence (a finding's message, an error's text) as the window shows it."""
    if isinstance(message, Term):  # a word of the form on its own (a change's label)
        return QCoreApplication.translate(message.context, message)
    if isinstance(message, Listing):  # items joined with the language's own separator
        separator = QCoreApplication.translate(CONTEXT, message.separator)
        return separator.join(finding_text(item) for item in message.items)
    if not isinstance(message, Message):
        return message
    args = {  # the form's words translated, sentences inside it too; the clerk's data kept
        key: finding_text(value) if isinstance(value, (Term, Message, Listing)) else value
        for key, value in message.args.items()
    }
    translated = QCoreApplication.translate(CONTEXT, message.template)
    if translated == message.template:  # not an 审核 message: a refused amount or date
        translated = QCoreApplication.translate("domain", message.template)
    try:
        return translated.format(**args)
    except (KeyError, IndexError, ValueError):  # a translation with a broken placeholder
        return str(message)


def error_text(exc: BaseException | str) -> str:
    """What an error of the store or io says (``str(exc)``, Chinese), in the window's
    language when it was raised with a ``Message`` (``domain/file_text``, ``row_text``);
    what the system or SQLite said inside it is shown as it is."""
    if isinstance(exc, BaseException):
        first = exc.args[0] if exc.args else None
        if isinstance(exc, OSError) and isinstance(exc.strerror, Message):
            return finding_text(exc.strerror)
        if not isinstance(first, Message):
            return str(exc)
        exc = first
    return finding_text(exc)


def reason_text(stored: str) -> str:
    """Why a field or an indicator needs review (the Chinese reason a project keeps), in the
    window's language where ``flag_text`` knows the sentence; other text as it is."""
    return finding_text(flag_text.read(stored))


def note_text(stored: str) -> str:
    """An indicator's note: the importer's own words in the window's language, the form's
    words (its other columns) as they are."""
    return finding_text(flag_text.read_note(stored))
