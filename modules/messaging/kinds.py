"""Message kinds: what each module declares it sends, and the default texts it ships.

Kinds come from every installed module's `message_kinds` contribution (see docs/messaging.md);
a kind `customers.verify_email` keeps its default texts in
`modules/customers/emails/verify_email/{subject.<lang>.txt, body.<lang>.html, body.<lang>.txt}`.
"""

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from orion_app.errors import ServiceError
from orion_app.registry import get_registry

# Variables every template may use without declaring them.
COMMON_VARIABLES: tuple[str, ...] = ("recipient_name", "store_name", "platform_name")
PARTS = ("subject", "body_html", "body_text")
_FILES = {"subject": "subject.{lang}.txt", "body_html": "body.{lang}.html", "body_text": "body.{lang}.txt"}


@dataclass(frozen=True)
class MessageKind:
    code: str  # "<module>.<name>", e.g. "customers.verify_email"
    variables: tuple[str, ...]  # names a template of this kind may use (beside the common ones)
    marketing: bool = False  # adds List-Unsubscribe, only sent with consent
    store_overridable: bool = True  # False for staff mails (platform override only)

    @property
    def module(self) -> str:
        return self.code.split(".", 1)[0]

    @property
    def name(self) -> str:
        return self.code.split(".", 1)[1]

    @property
    def allowed_variables(self) -> frozenset[str]:
        return frozenset(self.variables) | frozenset(COMMON_VARIABLES)


@dataclass(frozen=True)
class Texts:
    subject: str
    body_html: str
    body_text: str

    def part(self, name: str) -> str:
        return getattr(self, name)


@lru_cache
def _kinds_by_code(registry_id: int) -> dict[str, tuple[MessageKind, Path]]:
    registry = get_registry()
    found: dict[str, tuple[MessageKind, Path]] = {}
    for module, kinds in registry.contributions("message_kinds"):
        for kind in kinds:
            if kind.module != module or "." not in kind.code:
                raise ValueError(
                    f"Module '{module}' declares message kind '{kind.code}'; it must be '{module}.<name>'."
                )
            found[kind.code] = (kind, registry.folder(module) / "emails" / kind.name)
    return found


def kinds() -> dict[str, tuple[MessageKind, Path]]:
    """Every declared kind, by code, with the folder of its default texts."""
    return _kinds_by_code(id(get_registry()))


def get_kind(code: str) -> MessageKind:
    try:
        return kinds()[code][0]
    except KeyError:
        raise ServiceError("messaging.error.unknown_kind", kind=code) from None


def default_texts(code: str, language: str) -> Texts | None:
    """The kind's shipped texts in `language`, or None when it ships none in that language."""
    get_kind(code)
    folder = kinds()[code][1]
    paths = {part: folder / pattern.format(lang=language) for part, pattern in _FILES.items()}
    if not all(path.is_file() for path in paths.values()):
        return None
    return Texts(**{part: _read(path) for part, path in paths.items()})


@lru_cache(maxsize=512)
def _read(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    return text.strip() if path.name.startswith("subject.") else text
