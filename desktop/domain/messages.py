"""Sentences for the clerk written in the domain (no Qt here), in Chinese, that a window in
another language can still translate: a ``Message`` is the Chinese text and also keeps its
template and named arguments; the templates are marked with ``QT_TRANSLATE_NOOP`` (a no-op
of the name Qt's lupdate reads) and the window translates them (``ui/audit_text.py``)."""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate looks for
    """Marks ``text`` for Qt's lupdate; the UI translates it in ``context``."""
    return text


class Term(str):
    """A word of the form (a field label, 产出指标, （空）) inside a message: translated
    with the message; other arguments are the clerk's data and shown as they are."""

    __slots__ = ()
    #: where its translation is (Qt's context)
    context = "audit"


class FieldTerm(Term):
    """A field's label as the form writes it (``model.FORM_LABELS``, context FieldLabels)."""

    __slots__ = ()
    context = "FieldLabels"


class StatusTerm(Term):
    """A review status (编制中, 已报送 …: ``review.STATUS_LABELS``, context review)."""

    __slots__ = ()
    context = "review"


class ReasonTerm(Term):
    """A reviewer's standard reason (review_reasons.json, context reasons)."""

    __slots__ = ()
    context = "reasons"


class Message(str):
    """A sentence in Chinese, which also remembers its ``template`` and named ``args``, so
    that a window in another language can say it in that language."""

    template: str
    args: dict

    def __new__(cls, template: str, **args):
        self = super().__new__(cls, template.format(**args))
        self.template = template
        self.args = args
        return self

    def __getnewargs_ex__(self):  # a copy (copy, pickle) is made from the template again
        return (self.template,), self.args


#: what separates the items of a list inside a sentence (“trigger t、view v”)
SEPARATOR = QT_TRANSLATE_NOOP("audit", "、")


class Listing(str):
    """Items said one after another inside a message (objects, file types): joined with
    ``、`` in Chinese; a window in another language joins them with its own separator."""

    items: tuple
    #: the separator's Chinese text (a template the window translates)
    separator = SEPARATOR

    def __new__(cls, items):
        items = tuple(items)
        self = super().__new__(cls, cls.separator.join(items))
        self.items = items
        return self

    def __getnewargs__(self):
        return (self.items,)


def sentence_of(exc: BaseException) -> str:
    """An error's sentence: its ``Message`` kept as one (said in the window's language)."""
    return exc.args[0] if exc.args and isinstance(exc.args[0], Message) else str(exc)
