"""Content pages: the three levels and their languages, slugs, revisions, schedules, the
sanitiser against an XSS corpus, alt texts before publishing, and one store never reaching
another's pages."""

import io
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser

import pytest
from PIL import Image

from modules.cms.services import media
from modules.cms.services.pages import PageInput, page_of, pages_of, restore_revision, revisions, save_page
from modules.cms.services.render import TAGS, markdown_html, safe_link
from modules.cms.services.resolve import Visitor, find_page, language_order, menus
from modules.cms.services.scope import Owner
from modules.cms.state.pages import PagesState
from orion_app.errors import FieldErrors, NotFound
from orion_app.settings import get_settings
from tests.integration.helpers import Browser, Tab, platform_id, store_id, use_media_dir

MARIE, JEAN = "marie@cafe-lux.lu", "jean@velo.lu"
ALL = ("fr", "en", "de", "lb")

# Each of these must come out of the renderer without anything that runs or restyles.
XSS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<iframe src='https://evil.example'></iframe>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    '<a href="javascript&colon;alert(1)">x</a>',
    "<a href=' javascript:alert(1)'>x</a>",
    "<img src=x onerror=alert(1)>",
    '<p onclick="alert(1)">hi</p>',
    "<svg onload=alert(1)><circle r=4 /></svg>",
    "<svg><script>alert(1)</script></svg>",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<p style="position:fixed;top:0;left:0;width:100%;height:100%">cover</p>',
    "<style>body{display:none}</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    "<object data=evil.swf></object><embed src=evil.swf>",
    '<form action="https://evil.example"><input name=p></form>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<a href='vbscript:msgbox(1)'>x</a>",
    "<meta http-equiv=refresh content='0;url=https://evil.example'>",
    "<base href='https://evil.example/'>",
    '<details open ontoggle="alert(1)">x</details>',
    "<!--<img src=x onerror=alert(1)>-->",
]


class _Markup(HTMLParser):
    """Every element and attribute of a rendered body, as a browser would parse it."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)


def dangers(html: str) -> list[str]:
    markup = _Markup(html)
    found = [f"<{tag}>" for tag in markup.tags if tag not in TAGS]
    for name, value in markup.attributes:
        scheme = value.strip().lower().replace("\t", "").split(":", 1)[0] if ":" in value else ""
        if name.startswith("on") or name == "style" or scheme in ("javascript", "vbscript", "data"):
            found.append(f"{name}={value}")
    return found


@pytest.mark.parametrize("attack", XSS)
def test_markdown_and_html_blocks_lose_everything_that_could_run_or_restyle(attack):
    html = markdown_html(f"Hello\n\n{attack}\n\nbye")
    assert dangers(html) == [], html
    assert "<p>Hello</p>" in html  # the text before it is kept


def test_the_corpus_check_itself_catches_what_it_looks_for():
    assert dangers('<p onclick="x">a</p><script>1</script><a href=" JavaScript:1">b</a>') == [
        "<script>",
        "onclick=x",
        "href= JavaScript:1",
    ]


def test_ordinary_markdown_survives_the_sanitiser():
    html = markdown_html(
        "# Terms\n\nSee [our shop](/products) and **bold**.\n\n| a | b |\n|---|---|\n| 1 | 2 |"
    )
    assert "<h2>Terms</h2>" in html  # the page title is the only <h1>
    assert '<a href="/products" rel="noopener noreferrer">our shop</a>' in html
    assert "<strong>bold</strong>" in html and "<table>" in html


def test_call_to_action_links_are_paths_or_web_mail_phone_addresses():
    assert safe_link("/products") == "/products" and safe_link("pricing") == "pricing"
    assert safe_link("https://example.lu/a") == "https://example.lu/a" and safe_link("mailto:a@b.lu")
    for bad in ("javascript:alert(1)", "//evil.example", "data:text/html,x", " jav\tascript:1", "http:/x"):
        assert safe_link(bad) == "", bad


def visitor(session, store: str | None, lang: str, platform: str = "oms", now=None) -> Visitor:
    from modules.tenancy.public import store_by_code

    if store is None:
        return Visitor(platform_id=platform_id(platform), languages=language_order(lang, "en"), now=now)
    ref = store_by_code(session, store)
    return Visitor(
        platform_id=platform_id(platform),
        store_id=ref.id,
        languages=language_order(lang, ref.default_language, ref.languages),
        base=f"/platforms/{platform}/storefront/{store}/",
        now=now,
    )


def text(slug: str, title: str, body: str = "Body.") -> dict:
    return {"slug": slug, "title": title, "description": "", "blocks": [{"kind": "text", "text": body}]}


def store_page(session, store: str, texts: dict, status="published", key="", page_id=None, **settings):
    return save_page(
        session,
        Owner.store(store_id(store)),
        page_id,
        PageInput(key=key, status=status, texts=texts, **settings),
        level="store_page",
        languages=ALL,
        author_name="Test",
    )


def test_a_store_without_its_own_terms_shows_the_platform_default_with_its_own_name(demo, session):
    page = find_page(session, visitor(session, "velo-weber", "fr"), key="terms")
    assert page.level == "store_default" and page.title == "Conditions générales de vente"
    assert "Vëlo Weber" in page.html and "{{" not in page.html and "Café" not in page.html
    german = find_page(session, visitor(session, "velo-weber", "de"), slug="cgv")
    assert german.lang == "fr"  # velo-weber sells in fr and en only: German falls back to its default


def test_a_store_override_replaces_the_default_and_other_languages_fall_back_to_it(demo, session):
    store_page(
        session, "cafe-lux", {"fr": text("cgv", "Nos conditions", "Livraison offerte dès 50 €.")}, key="terms"
    )
    french = find_page(session, visitor(session, "cafe-lux", "fr"), key="terms")
    assert french.level == "store_page" and "Livraison offerte" in french.html
    english = find_page(session, visitor(session, "cafe-lux", "en"), slug="cgv")
    assert english.title == "Nos conditions" and english.lang == "fr"  # no English text: French
    # The other store on the platform still shows the default.
    assert find_page(session, visitor(session, "velo-weber", "fr"), key="terms").level == "store_default"


def test_footer_links_are_in_the_visitors_language_and_follow_their_order(demo, session):
    footer = menus(session, visitor(session, "cafe-lux", "de"))["footer"]
    assert [link.label for link in footer][:2] == ["Impressum", "Allgemeine Geschäftsbedingungen"]
    assert footer[1].path == "p/agb"
    store_page(session, "cafe-lux", {"de": text("versand", "Versand")}, placement="header", position=1)
    assert [link.label for link in menus(session, visitor(session, "cafe-lux", "de"))["header"]] == [
        "Versand"
    ]


def test_a_slug_taken_in_the_store_and_language_is_refused_next_to_the_field(demo, session):
    store_page(session, "cafe-lux", {"fr": text("livraison", "Livraison")})
    with pytest.raises(FieldErrors) as refused:
        store_page(
            session, "cafe-lux", {"en": text("delivery", "Delivery"), "fr": text("livraison", "Autre")}
        )
    assert refused.value.errors == {"slug.fr": "cms.error.slug_taken"}
    store_page(session, "cafe-lux", {"en": text("livraison", "Delivery")})  # same slug, another language
    store_page(session, "velo-weber", {"fr": text("livraison", "Livraison")})  # another store
    with pytest.raises(FieldErrors) as bad:
        store_page(session, "cafe-lux", {"fr": text("Mon Slug!", "")})
    assert bad.value.errors == {"slug.fr": "cms.error.slug_format", "title.fr": "cms.error.title"}


def test_any_revision_can_be_restored(demo, session):
    first = store_page(session, "cafe-lux", {"fr": text("histoire", "Notre histoire", "Version une.")})
    store_page(
        session, "cafe-lux", {"fr": text("histoire", "Notre histoire", "Version deux.")}, page_id=first.id
    )
    owner = Owner.store(store_id("cafe-lux"))
    history = revisions(session, owner, first.id)
    assert len(history) == 2 and history[0].author_name == "Test"
    restore_revision(session, owner, first.id, history[-1].id, languages=ALL, author_name="Marie")
    assert "Version une." in find_page(session, visitor(session, "cafe-lux", "fr"), slug="histoire").html
    assert len(revisions(session, owner, first.id)) == 3


def test_a_scheduled_page_appears_at_its_time(demo, session):
    at = datetime(2031, 5, 1, 8, 0, tzinfo=UTC)
    store_page(
        session,
        "cafe-lux",
        {"fr": text("soldes", "Soldes")},
        status="scheduled",
        publish_at=at,
        placement="header",
    )
    before = visitor(session, "cafe-lux", "fr", now=at - timedelta(seconds=1))
    after = visitor(session, "cafe-lux", "fr", now=at)
    assert find_page(session, before, slug="soldes") is None and menus(session, before)["header"] == []
    assert find_page(session, after, slug="soldes").title == "Soldes"
    assert [link.label for link in menus(session, after)["header"]] == ["Soldes"]
    with pytest.raises(FieldErrors) as refused:
        store_page(session, "cafe-lux", {"fr": text("x", "X")}, status="scheduled")
    assert refused.value.errors == {"publish_at": "cms.error.publish_at"}


def test_drafts_are_never_shown(demo, session):
    store_page(
        session, "cafe-lux", {"fr": text("brouillon", "Brouillon")}, status="draft", placement="footer"
    )
    seen = visitor(session, "cafe-lux", "fr")
    assert find_page(session, seen, slug="brouillon") is None
    assert "Brouillon" not in [link.label for link in menus(session, seen)["footer"]]


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 120, 200)).save(buffer, "PNG")
    return buffer.getvalue()


def test_publishing_a_page_with_an_image_lacking_alt_text_is_refused_next_to_the_block(
    demo, session, tmp_path, monkeypatch
):
    use_media_dir(monkeypatch, tmp_path / "media")
    owner = Owner.store(store_id("cafe-lux"))
    image = media.upload(session, owner, "terrasse.png", _png())
    media.set_alt(session, owner, image.id, "fr", "La terrasse au soleil")
    blocks = [{"kind": "text", "text": "Bienvenue"}, {"kind": "image", "media_id": image.id}]
    texts = {
        "fr": {"slug": "terrasse", "title": "Terrasse", "blocks": blocks},
        "en": {"slug": "terrace", "title": "Terrace", "blocks": blocks},
    }
    with pytest.raises(FieldErrors) as refused:
        store_page(session, "cafe-lux", texts)
    assert refused.value.errors == {
        "block.fr.1": "cms.error.alt_missing",
        "block.en.1": "cms.error.alt_missing",
    }
    assert refused.value.field_params["block.fr.1"] == {"languages": "en"}
    draft = store_page(session, "cafe-lux", texts, status="draft")  # a draft may wait for its alt text
    media.set_alt(session, owner, image.id, "en", "The terrace in the sun")
    published = store_page(session, "cafe-lux", texts, page_id=draft.id)
    assert media.usage(session, owner, image.id) == [f"page:{published.id}"]
    html = find_page(session, visitor(session, "cafe-lux", "en"), slug="terrace").html
    assert 'alt="The terrace in the sun"' in html
    get_settings.cache_clear()


def test_another_stores_page_is_not_found_through_the_service(demo, session):
    mine = store_page(session, "cafe-lux", {"fr": text("secret", "Secret")}, status="draft")
    velo = Owner.store(store_id("velo-weber"))
    with pytest.raises(NotFound):
        page_of(session, velo, mine.id)
    with pytest.raises(NotFound):
        save_page(
            session,
            velo,
            mine.id,
            PageInput(texts={"fr": text("pris", "Pris")}),
            level="store_page",
            languages=ALL,
        )
    with pytest.raises(NotFound):
        revisions(session, velo, mine.id)
    assert page_of(session, Owner.store(store_id("cafe-lux")), mine.id).texts["fr"].title == "Secret"
    assert all(p.id != mine.id for p in pages_of(session, velo))


def editor(path: str, token: str) -> Tab:
    fields = dict(rows=[], defaults=[], editing=False, page_id=0, key="", placement="none", position="0")
    fields |= dict(status="draft", publish_at="", languages=[], tab="", slug="", title="", description="")
    fields |= dict(blocks=[], images=[], grids=False, preview="", errors={}, other_tab_errors="", history=[])
    return Tab(PagesState, path, token, form_key=0, _drafts={}, **fields)


def test_another_stores_page_cannot_be_opened_or_restored_through_the_editor(demo, session):
    mine = store_page(session, "cafe-lux", {"fr": text("prive", "Privé")}, status="draft")
    browser = Browser()
    tab = editor("/store/velo-weber/pages", browser.token(JEAN))
    tab.call("load")
    tab.call("open_page", page_id=mine.id)
    assert tab.editing is False
    owner = editor("/store/cafe-lux/pages", browser.token(MARIE))
    owner.call("load")
    assert any(row["id"] == str(mine.id) for row in owner.rows)
    owner.call("open_page", page_id=mine.id)
    assert owner.editing is True and owner.title == "Privé"


def test_the_legal_notice_shows_the_address_and_register_number_from_the_invoicing_settings(demo, session):
    from modules.orders.services.invoices import save_invoice_settings

    save_invoice_settings(
        session,
        store_id("velo-weber"),
        invoice_on="payment",
        seller_address="4, rue du Vélo\nL-1234 Luxembourg",
        registration_number="B123456",
    )
    session.commit()
    seen = visitor(session, "velo-weber", "fr")
    with_orders = Visitor(**{**seen.__dict__, "enabled": frozenset({"orders"})})
    html = find_page(session, with_orders, key="legal_notice").html
    assert (
        "4, rue du Vélo<br />\nL-1234 Luxembourg" in html or "4, rue du Vélo<br>\nL-1234 Luxembourg" in html
    )
    assert "(RCS) : B123456" in html
    # Where orders is not enabled, its details are not asked for.
    assert "B123456" not in find_page(session, seen, key="legal_notice").html


def test_marie_adapts_the_default_terms_in_the_editor_and_her_version_replaces_them(demo, session):
    from modules.cms.services.pages import pages_of as owner_pages

    tab = editor("/store/cafe-lux/pages", Browser().token(MARIE))
    tab.call("load")
    terms = next(row for row in tab.defaults if row["title"] == "Terms of sale")
    tab.call("adapt_default", page_id=int(terms["id"]))
    assert tab.editing and tab.page_id == 0 and tab.key == "terms"
    tab.call("set_tab", lang="fr")
    assert tab.title == "Conditions générales de vente" and "Café Lëtzebuerg" in tab.blocks[0]["text"]
    tab.call("set_text", name="title", value="Nos conditions")
    tab.call("set_block", index=0, name="text", value="Livraison offerte.")
    tab.call("set_setting", name="status", value="published")
    tab.call("save")
    assert tab.errors == {} and tab.page_id > 0 and tab.tab == "fr" and len(tab.history) == 1
    assert "Terms of sale" not in [row["title"] for row in tab.defaults]  # replaced by her own
    page = find_page(session, visitor(session, "cafe-lux", "fr"), key="terms")
    assert page.title == "Nos conditions" and page.level == "store_page" and "Livraison offerte." in page.html
    tab.call("set_text", name="slug", value="mentions-legales")  # the legal notice's slug is free here…
    tab.call("save")
    assert tab.errors == {}
    tab.call("restore", revision_id=int(tab.history[-1]["id"]))
    assert tab.slug == "cgv" and len(tab.history) == 3
    own = owner_pages(session, Owner.store(store_id("cafe-lux")))
    assert [p.key for p in own] == ["terms"]


def test_a_product_grid_shows_the_hand_picked_products_in_their_order_where_catalog_is_enabled(demo, session):
    from modules.catalog.public import Item, upsert_products
    from modules.tenancy.public import store_by_code

    store = store_by_code(session, "cafe-lux")
    items = [
        Item("GRID-1", {"price_cents": 990}, {"title": "Nougat"}),
        Item("GRID-2", {"price_cents": 1450}, {"title": "Pralines"}),
    ]
    upsert_products(
        session, store.id, store.merchant_id, platform_id("oms"), "fr", items, source="test", warehouse="main"
    )
    session.commit()
    grid = {"kind": "products", "skus": "GRID-2, GRID-1, NOPE", "limit": 8}
    with pytest.raises(FieldErrors) as refused:
        store_page(session, "cafe-lux", {"fr": {"slug": "douceurs", "title": "Douceurs", "blocks": [grid]}})
    assert refused.value.errors == {"block.fr.0": "cms.error.catalog_off"}  # where no grid source is enabled
    save_page(
        session,
        Owner.store(store.id),
        None,
        PageInput(
            status="published", texts={"fr": {"slug": "douceurs", "title": "Douceurs", "blocks": [grid]}}
        ),
        level="store_page",
        languages=ALL,
        catalog_enabled=True,
    )
    seen = visitor(session, "cafe-lux", "fr")
    html = find_page(
        session, Visitor(**{**seen.__dict__, "enabled": frozenset({"catalog"})}), slug="douceurs"
    ).html
    assert html.index("Pralines") < html.index("Nougat") and "14,50" in html
    assert 'href="/platforms/oms/storefront/cafe-lux/products/' in html
    assert "Pralines" not in find_page(session, seen, slug="douceurs").html  # catalog off: no grid
