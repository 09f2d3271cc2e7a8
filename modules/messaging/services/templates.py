"""Which texts a message uses, and the overrides platforms and stores save.

Resolution for one language: the store's override > the platform's override > the module's
default. The language is the recipient's when supported, else the store's default, else
English (`pick_language`); a language the module ships no texts for falls back the same way.
"""

from dataclasses import dataclass

from sqlalchemy import bindparam, or_
from sqlmodel import Session, select

from modules.messaging.kinds import Texts, default_texts, get_kind
from modules.messaging.models import EmailTemplateOverride
from modules.messaging.services.rendering import Rendered, render, sample_values, validate_template
from modules.tenancy.public import StoreRef, platform_by_id, store_by_id
from orion_app.db import utcnow
from orion_app.errors import FieldErrors, NotFound
from orion_app.i18n import LANGUAGES


@dataclass(frozen=True)
class EffectiveTexts:
    texts: Texts
    language: str
    source: str  # "store" | "platform" | "default"


def pick_language(wanted: str | None, store_default: str | None) -> str:
    for code in (wanted, store_default, "en"):
        if code in LANGUAGES:
            return code
    return "en"


def _override(session: Session, kind: str, platform_id: int, store_id: int | None, language: str):
    return session.exec(
        select(EmailTemplateOverride).where(
            EmailTemplateOverride.platform_id == platform_id,
            EmailTemplateOverride.store_id == store_id
            if store_id is not None
            else EmailTemplateOverride.store_id.is_(None),
            EmailTemplateOverride.kind == kind,
            EmailTemplateOverride.language == language,
        )
    ).first()


def _overrides(
    session: Session, kind: str, platform_id: int, store_id: int | None, languages: list[str]
) -> dict[tuple[int | None, str], EmailTemplateOverride]:
    """The platform's and the store's overrides of `kind` in `languages`, by (store id or
    None, language): both levels in one query."""
    statement = _PLATFORM_OVERRIDES if store_id is None else _OVERRIDES
    params = {"platform": platform_id, "kind": kind, "languages": languages, "store": store_id}
    rows = session.exec(statement, params=params).all()
    return {(row.store_id, row.language): row for row in rows}


def _overrides_statement(with_store: bool):
    """`_overrides`' query, built once for each level (every mail sent runs it)."""
    level = EmailTemplateOverride.store_id.is_(None)
    if with_store:
        level = or_(level, EmailTemplateOverride.store_id == bindparam("store"))
    return select(EmailTemplateOverride).where(
        EmailTemplateOverride.platform_id == bindparam("platform"),
        EmailTemplateOverride.kind == bindparam("kind"),
        EmailTemplateOverride.language.in_(bindparam("languages", expanding=True)),
        level,
    )


_PLATFORM_OVERRIDES = _overrides_statement(False)
_OVERRIDES = _overrides_statement(True)


def _as_texts(row: EmailTemplateOverride) -> Texts:
    return Texts(subject=row.subject, body_html=row.body_html, body_text=row.body_text)


def effective_texts(
    session: Session,
    *,
    kind: str,
    platform_id: int,
    store_id: int | None,
    language: str | None,
    store: StoreRef | None = None,
) -> EffectiveTexts:
    """The texts a message of `kind` uses, with the language and the level they come from.
    `store`: the store `store_id` when the caller has read it already (one read less)."""
    message_kind = get_kind(kind)
    if store is None and store_id is not None:
        store = store_by_id(session, store_id, active_only=False)
    candidates = [pick_language(language, store.default_language if store else None)]
    candidates += [code for code in ((store.default_language if store else None), "en") if code in LANGUAGES]
    languages = list(dict.fromkeys(candidates))
    overrides = _overrides(session, kind, platform_id, store_id, languages)
    for lang in languages:
        if store is not None and message_kind.store_overridable and lang in store.languages:
            row = overrides.get((store_id, lang))
            if row:
                return EffectiveTexts(_as_texts(row), lang, "store")
        row = overrides.get((None, lang))
        if row:
            return EffectiveTexts(_as_texts(row), lang, "platform")
        texts = default_texts(kind, lang)
        if texts:
            return EffectiveTexts(texts, lang, "default")
    raise NotFound("messaging.error.no_texts", kind=kind)


def get_override(
    session: Session, *, kind: str, platform_id: int, store_id: int | None, language: str
) -> EmailTemplateOverride | None:
    get_kind(kind)
    return _override(session, kind, platform_id, store_id, language)


def _check_level(session: Session, kind: str, platform_id: int, store_id: int | None, language: str) -> None:
    if language not in LANGUAGES:
        raise FieldErrors({"language": "messaging.error.language"})
    if store_id is not None:
        if not get_kind(kind).store_overridable:
            raise FieldErrors({"kind": "messaging.error.not_store_overridable"})
        store = store_by_id(session, store_id, active_only=False)
        if store is None:
            raise NotFound()
        if language not in store.languages:
            raise FieldErrors({"language": "messaging.error.language"})


def save_override(
    session: Session,
    *,
    kind: str,
    platform_id: int,
    store_id: int | None,
    language: str,
    subject: str,
    body_html: str,
    body_text: str,
    user_id: int | None,
) -> EmailTemplateOverride:
    """Save a platform's (store_id None) or a store's texts for one kind and language; commits.
    FieldErrors (subject / body_html / body_text / language) refuse it, nothing saved."""
    message_kind = get_kind(kind)
    _check_level(session, kind, platform_id, store_id, language)
    validate_template(message_kind, subject, body_html, body_text)
    row = _override(session, kind, platform_id, store_id, language) or EmailTemplateOverride(
        platform_id=platform_id,
        store_id=store_id,
        kind=kind,
        language=language,
        subject="",
        body_html="",
        body_text="",
    )
    row.subject, row.body_html, row.body_text = subject, body_html, body_text
    row.updated_by, row.updated_at = user_id, utcnow()
    session.add(row)
    session.commit()
    session.refresh(row)
    return row


def delete_override(
    session: Session, *, kind: str, platform_id: int, store_id: int | None, language: str
) -> bool:
    """Go back to the next level's texts; commits. False when there was no override."""
    row = get_override(session, kind=kind, platform_id=platform_id, store_id=store_id, language=language)
    if row is None:
        return False
    session.delete(row)
    session.commit()
    return True


def preview(
    session: Session,
    *,
    kind: str,
    platform_id: int,
    store_id: int | None,
    subject: str,
    body_html: str,
    body_text: str,
) -> Rendered:
    """The texts being edited rendered with sample values (FieldErrors as when saving)."""
    message_kind = get_kind(kind)
    validate_template(message_kind, subject, body_html, body_text)
    platform = platform_by_id(session, platform_id)
    store = store_by_id(session, store_id, active_only=False) if store_id is not None else None
    platform_name = platform.name if platform else ""
    values = sample_values(
        message_kind, store_name=store.name if store else platform_name, platform_name=platform_name
    )
    return render(message_kind, Texts(subject, body_html, body_text), values)
