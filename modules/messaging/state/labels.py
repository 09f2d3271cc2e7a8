"""What the messaging pages call things: a message kind by its name in the reader's language."""

from modules.messaging.kinds import kinds
from orion_app.i18n import translate


def kind_label(code: str, lang: str) -> str:
    """The kind's name as its module translates it (key `<module>.message.<name>`), else its code."""
    module, _, name = code.partition(".")
    key = f"{module}.message.{name}"
    text = translate(key, lang)
    return code if text == key else text


def kind_options(lang: str, *, store_overridable_only: bool = False) -> list[dict[str, str]]:
    """Every declared kind as a select's `{"value", "label"}`, by label."""
    options = [
        {"value": code, "label": kind_label(code, lang)}
        for code, (kind, _folder) in kinds().items()
        if kind.store_overridable or not store_overridable_only
    ]
    return sorted(options, key=lambda o: o["label"].casefold())
