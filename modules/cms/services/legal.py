"""Legal page templates (legal notice, terms of sale, privacy, withdrawal) and the store
fields they are filled with.

The templates are Markdown files in `modules/cms/legal/<key>/<lang>.md` (a small header:
title, slug, description; then the body). A platform seeds them as its store defaults; each
store sees them with its own name, legal name, address, VAT number, registration and
e-mail in place of the `{{ store.… }}` placeholders.
"""

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlmodel import Session

from modules.tenancy.public import merchant_by_id, platform_by_id, store_by_id
from orion_app.registry import get_registry

FOLDER = Path(__file__).resolve().parent.parent / "legal"
KEYS = ("legal_notice", "terms", "privacy", "withdrawal")
# A contribution point: modules that know more about a seller (e.g. the postal address and
# the trade register number on its invoices) contribute `(session, store_id) -> dict` with
# "address" and/or "registration"; cms reads them, no module is named.
SELLER_DETAILS = "seller_details"
PLACEHOLDER = re.compile(r"\{\{\s*(store|platform)\.([a-z_]+)\s*\}\}")
# Markdown characters a store's name or address must not turn into formatting.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|<>])")


@dataclass(frozen=True)
class Template:
    key: str
    lang: str
    title: str
    slug: str
    description: str
    body: str  # Markdown with placeholders


@cache
def template(key: str, lang: str) -> Template:
    """One legal template in one language (en, fr, de, lb)."""
    text = (FOLDER / key / f"{lang}.md").read_text(encoding="utf-8")
    head, _, body = text.partition("\n---\n")
    fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
    return Template(key, lang, fields["title"], fields["slug"], fields["description"], body.strip() + "\n")


def store_fields(
    session: Session, store_id: int, platform_id: int | None, enabled: frozenset[str] = frozenset()
) -> dict[str, str]:
    """What a store default's placeholders are filled with ("" for what the store lacks);
    `enabled`: the modules enabled on the platform, whose `seller_details` are asked."""
    store = store_by_id(session, store_id, active_only=False)
    merchant = merchant_by_id(session, store.merchant_id) if store else None
    platform = platform_by_id(session, platform_id) if platform_id else None
    fields = {
        "store.name": store.name if store else "",
        "store.legal_name": (merchant.legal_name or merchant.name) if merchant else "",
        "store.vat_number": merchant.vat_number if merchant else "",
        "store.email": merchant.contact_email if merchant else "",
        "store.address": "",
        "store.registration": "",
        "platform.name": platform.name if platform else "",
    }
    for code, provider in get_registry().contributions(SELLER_DETAILS):
        if code not in enabled:
            continue
        details = provider(session, store_id)
        for name in ("address", "registration"):
            if details.get(name):
                fields[f"store.{name}"] = str(details[name])
    return fields


def fill(text: str, fields: dict[str, str], missing: str = "—") -> str:
    """`text` with each `{{ store.x }}`/`{{ platform.x }}` replaced (escaped for Markdown);
    an unknown or empty field shows `missing`."""

    def value(match: re.Match) -> str:
        found = fields.get(f"{match.group(1)}.{match.group(2)}", "")
        if not found:
            return missing
        return _MARKDOWN_SPECIAL.sub(r"\\\1", found).replace("\n", "  \n")

    return PLACEHOLDER.sub(value, text)
