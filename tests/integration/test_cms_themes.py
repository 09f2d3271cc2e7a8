"""Store themes: WCAG contrast refusals with the ratio, the theme page through the guard, and
the storefront shell's look (css variables, font, logo, favicon) from the store's theme."""

import io

import pytest
from PIL import Image

from modules.cms.services import media, themes
from modules.cms.services.scope import Owner
from modules.cms.state.themes import ThemeState
from modules.cms.theme import look_css, storefront_look
from orion_app.errors import FieldErrors
from orion_app.settings import PROJECT_ROOT, get_settings
from tests.integration.helpers import Browser, Tab, store_id, use_media_dir

MARIE, JEAN = "marie@cafe-lux.lu", "jean@velo.lu"


@pytest.fixture(autouse=True)
def media_dir(tmp_path, monkeypatch):
    use_media_dir(monkeypatch, tmp_path / "media")
    yield
    get_settings.cache_clear()


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (10, 90, 80)).save(buffer, "PNG")
    return buffer.getvalue()


def test_contrast_ratios_follow_the_wcag_formula():
    assert themes.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert themes.contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert themes.contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # the classic AA grey
    assert themes.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert themes.normalise_colour("0D6") == "#00dd66" and themes.normalise_colour("#12345") is None


def test_a_colour_below_4_5_to_1_is_refused_next_to_its_field_with_the_ratio(demo, session):
    cafe = store_id("cafe-lux")
    with pytest.raises(FieldErrors) as refused:
        themes.save_theme(
            session, cafe, primary="#777777", accent="#ffcc00", font="comic-sans", header_layout="x"
        )
    assert refused.value.errors == {
        "primary": "cms.theme.error.low_contrast",
        "accent": "cms.theme.error.low_contrast",
        "font": "cms.theme.error.unknown_font",
        "header_layout": "cms.theme.error.unknown_layout",
    }
    assert refused.value.field_params["primary"] == {"ratio": "4.47", "minimum": "4.5"}
    assert refused.value.field_params["accent"]["ratio"] == "1.51"
    with pytest.raises(FieldErrors) as not_colour:
        themes.save_theme(session, cafe, primary="teal")
    assert not_colour.value.errors == {"primary": "cms.theme.error.not_a_colour"}
    assert themes.theme_of(session, cafe) == themes.Theme()  # nothing saved


def test_a_saved_theme_is_what_the_storefront_shell_reads(demo, session):
    cafe = store_id("cafe-lux")
    owner = Owner.store(cafe)
    logo = media.upload(session, owner, "logo.png", png())
    theme = themes.save_theme(
        session,
        cafe,
        primary="#0D6B5E",
        accent="#8a1538",
        font="lora",
        header_layout="centered",
        logo_id=logo.id,
    )
    assert (theme.primary, theme.accent, theme.logo_url) == ("#0d6b5e", "#8a1538", logo.urls["md"])
    assert media.usage(session, owner, logo.id) == ["theme:logo"]
    with pytest.raises(media.MediaInUse):
        media.delete(session, owner, logo.id)
    look = storefront_look(cafe)
    assert look["logo"] == logo.urls["md"] and look["header"] == "centered" and look["favicon"] == ""
    assert look["font"] == "/fonts/lora-latin-wght-normal.woff2"
    css = look["css"]
    assert (
        ".orion-look{--accent-1:" in css and "--accent-9:#0d6b5e" in css and "--orion-accent:#8a1538" in css
    )
    assert "font-display:swap" in css and "font-family:Lora Variable" in css and not set(css) & set("'\"<>&")
    assert look_css(themes.Theme()) == ""
    # The logo removed from the theme is free again.
    themes.save_theme(session, cafe, primary="#0d6b5e")
    assert media.usage(session, owner, logo.id) == []


def test_every_listed_font_has_its_files(demo):
    for font in themes.FONTS:
        for subset in ("latin", "latin-ext"):
            assert (
                PROJECT_ROOT / "assets" / "fonts" / f"{font}-{subset}-wght-normal.woff2"
            ).stat().st_size > 10_000


def test_another_stores_image_cannot_become_the_logo(demo, session):
    velo_image = media.upload(session, Owner.store(store_id("velo-weber")), "v.png", png())
    with pytest.raises(FieldErrors) as refused:
        themes.save_theme(session, store_id("cafe-lux"), logo_id=velo_image.id, favicon_id=velo_image.id)
    assert refused.value.errors == {
        "logo": "cms.theme.error.unknown_image",
        "favicon": "cms.theme.error.unknown_image",
    }


def theme_tab(browser: Browser, email: str, store: str) -> Tab:
    return Tab(
        ThemeState,
        f"/store/{store}/theme",
        browser.token(email),
        rows=[],
        languages=[],
        errors={},
        form_key=0,
        values={},
        images=[],
        logo_src="",
        favicon_src="",
    )


def test_the_theme_page_saves_and_shows_the_ratio_next_to_the_field(demo):
    browser = Browser()
    tab = theme_tab(browser, MARIE, "cafe-lux")
    tab.call("load")
    assert tab.values["primary"] == "" and tab.images == [{"value": "", "label": "—"}]
    tab.call("save", form={"primary": "#aaaaaa", "accent": "", "font": "", "header_layout": "left"})
    assert (
        tab.errors["primary"]
        == "Contrast with white is only 2.32:1; text needs at least 4.5:1. Choose a darker colour."
    )
    assert tab.values["primary"] == "#aaaaaa"  # what was typed stays in the form
    tab.call("save", form={"primary": "#1d4ed8", "accent": "", "font": "inter", "header_layout": "left"})
    assert tab.errors == {} and tab.values["primary"] == "#1d4ed8" and tab.values["font"] == "inter"
    assert storefront_look(store_id("cafe-lux"))["css"].count("--accent-9:#1d4ed8") == 1


def test_another_stores_owner_cannot_change_this_theme(demo):
    browser = Browser()
    tab = theme_tab(browser, JEAN, "cafe-lux")
    tab.call("save", form={"primary": "#000000", "header_layout": "left"})
    assert storefront_look(store_id("cafe-lux"))["css"] == ""
