"""The template list as the editors show it: which kinds a level may change, and in which
languages it already has its own texts."""

from sqlmodel import Session, select

from modules.messaging.kinds import MessageKind, kinds
from modules.messaging.models import EmailTemplateOverride


def editable_kinds(*, store_level: bool) -> list[MessageKind]:
    """Every declared kind for a platform; a store only those it may override."""
    return [kind for kind, _folder in kinds().values() if kind.store_overridable or not store_level]


def overridden_languages(session: Session, platform_id: int, store_id: int | None) -> dict[str, list[str]]:
    """kind -> the languages this platform (store_id None) or store has its own texts in."""
    level = (
        EmailTemplateOverride.store_id == store_id
        if store_id is not None
        else EmailTemplateOverride.store_id.is_(None)
    )
    rows = session.exec(
        select(EmailTemplateOverride.kind, EmailTemplateOverride.language)
        .where(EmailTemplateOverride.platform_id == platform_id, level)
        .order_by(EmailTemplateOverride.kind, EmailTemplateOverride.language)
    ).all()
    found: dict[str, list[str]] = {}
    for kind, language in rows:
        found.setdefault(kind, []).append(language)
    return found
