"""Demo content: every demo platform gets the legal templates as its store defaults (footer
pages of every store on it), and its own home, about and contact texts (`site.json`).
Running it twice changes nothing: a page whose key the owner already has is left alone."""

import json
from pathlib import Path

from sqlmodel import Session, select

from modules.cms.models import CmsPage
from modules.cms.services.legal import KEYS, template
from modules.cms.services.pages import PageInput, save_page
from modules.cms.services.scope import Owner
from modules.tenancy.public import platform_by_code
from orion_app.enablement import module_config, save_module_config
from orion_app.i18n import LANGUAGES

DATA = Path(__file__).with_name("site.json")


def _has(session: Session, platform_id: int, level: str, key: str) -> bool:
    found = session.exec(
        select(CmsPage.id).where(
            CmsPage.platform_id == platform_id, CmsPage.level == level, CmsPage.key == key
        )
    ).first()
    return found is not None


def seed(session: Session) -> list[str]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    added = 0
    for code in data["platforms"]:
        platform = platform_by_code(session, code)
        if platform is None:
            continue
        owner = Owner.platform(platform.id)
        for position, key in enumerate(KEYS):
            if _has(session, platform.id, "store_default", key):
                continue
            texts = {
                lang: {
                    "slug": template(key, lang).slug,
                    "title": template(key, lang).title,
                    "description": template(key, lang).description,
                    "blocks": [{"kind": "text", "text": template(key, lang).body}],
                }
                for lang in LANGUAGES
            }
            page = PageInput(
                key=key, placement="footer", position=position * 10, status="published", texts=texts
            )
            save_page(
                session, owner, None, page, level="store_default", languages=LANGUAGES, author_name="Demo"
            )
            added += 1
        for entry in data["site"]:
            if _has(session, platform.id, "platform_page", entry["key"]):
                continue
            texts = {
                lang: {
                    "slug": text["slug"],
                    "title": text["title"].replace("{platform}", platform.name),
                    "description": text["description"].replace("{platform}", platform.name),
                    "blocks": [
                        {
                            k: (v.replace("{platform}", platform.name) if isinstance(v, str) else v)
                            for k, v in b.items()
                        }
                        for b in text["blocks"]
                    ],
                }
                for lang, text in entry["texts"].items()
            }
            page = PageInput(
                key=entry["key"],
                placement=entry["placement"],
                position=entry["position"],
                status="published",
                texts=texts,
            )
            save_page(
                session, owner, None, page, level="platform_page", languages=LANGUAGES, author_name="Demo"
            )
            added += 1
        session.commit()
        if not module_config("cms", platform.id, session).contact_email:
            save_module_config(platform.id, "cms", {"contact_email": data["contact_email"]}, None)
    return [f"Demo content pages: {added} added (legal defaults, home, about, contact)."]
