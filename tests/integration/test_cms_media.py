"""The media library: uploads through the shared image pipeline, alt texts per language,
usage, delete refused while used, and one owner never reaching another's images."""

import io

import pytest
from PIL import Image

from modules.cms.services import media
from modules.cms.services.scope import Owner
from modules.cms.state.media import PlatformMediaState, StoreMediaState
from orion_app.errors import FieldErrors, NotFound
from orion_app.settings import get_settings
from tests.integration.helpers import Browser, Tab, platform_id, store_id, use_media_dir

MARIE, JEAN, OPS, LUC = "marie@cafe-lux.lu", "jean@velo.lu", "ops@omsflow.lu", "luc@cafe-lux.lu"


def png(width=60, height=40, colour=(200, 30, 30), mode="RGB", exif_orientation: int | None = None) -> bytes:
    image = Image.new(mode, (width, height), colour)
    buffer = io.BytesIO()
    if exif_orientation:
        exif = Image.Exif()
        exif[0x0112] = exif_orientation
        exif[0x010F] = "SecretCam"  # Make: must not survive
        image.save(buffer, "JPEG", exif=exif.tobytes())
    else:
        image.save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media_dir(tmp_path, monkeypatch):
    use_media_dir(monkeypatch, tmp_path / "media")
    yield tmp_path / "media"
    get_settings.cache_clear()


def file_of(url: str):
    return get_settings().media_path / url.removeprefix(media.UPLOAD_URL)


def test_an_upload_is_stored_in_three_webp_sizes_upright_and_without_exif(demo, session):
    owner = Owner.store(store_id("cafe-lux"))
    record = media.upload(session, owner, "C:/photos/terrace.jpg", png(300, 100, exif_orientation=6))
    assert record.filename == "terrace.jpg" and (record.width, record.height) == (100, 300)  # turned upright
    assert set(record.urls) == {"sm", "md", "lg"} and record.used_by == 0 and record.alt == {}
    stored = Image.open(file_of(record.urls["sm"]))
    assert stored.format == "WEBP" and stored.size == (100, 300)  # never enlarged
    assert b"SecretCam" not in file_of(record.urls["lg"]).read_bytes()
    assert f"cms/store/{owner.store_id}/" in record.urls["md"]


def test_a_transparent_logo_keeps_its_transparency(demo, session):
    record = media.upload(
        session, Owner.store(store_id("cafe-lux")), "logo.png", png(50, 50, (0, 0, 0, 0), "RGBA")
    )
    assert Image.open(file_of(record.urls["sm"])).mode == "RGBA"


def test_a_file_that_is_no_image_or_too_large_is_refused_with_a_clear_error_and_nothing_stored(
    demo, session, media_dir
):
    owner = Owner.store(store_id("cafe-lux"))
    with pytest.raises(FieldErrors) as not_image:
        media.upload(session, owner, "page.jpg", b"<html>not a photo</html>")
    assert not_image.value.errors == {"file": "cms.media.error.not_an_image"}
    with pytest.raises(FieldErrors) as truncated:
        media.upload(session, owner, "half.png", png(400, 400)[:200])
    assert truncated.value.errors == {"file": "cms.media.error.not_an_image"}
    with pytest.raises(FieldErrors) as too_big:
        media.upload(session, owner, "huge.png", b"\0" * (10 * 1024 * 1024 + 1))
    assert too_big.value.errors == {"file": "cms.media.error.image_too_large"}
    assert media.media_of(session, owner) == []
    assert not (media_dir / "cms").exists()


def test_alt_texts_per_language_and_missing_alt_lists_the_gaps(demo, session):
    owner = Owner.store(store_id("cafe-lux"))
    first = media.upload(session, owner, "a.png", png())
    second = media.upload(session, owner, "b.png", png())
    media.set_alt(session, owner, first.id, "fr", "  Terrasse   du café ")
    media.set_alt(session, owner, first.id, "en", "Café terrace")
    media.set_alt(session, owner, second.id, "fr", "Gâteau")
    assert media.media_of(session, owner, [first.id])[0].alt == {
        "fr": "Terrasse du café",
        "en": "Café terrace",
    }
    gaps = media.missing_alt(session, owner, [first.id, second.id], ["fr", "en"])
    assert gaps == {second.id: ["en"]}
    media.set_alt(session, owner, first.id, "en", "   ")  # blank clears it
    assert media.missing_alt(session, owner, [first.id], ["en"]) == {first.id: ["en"]}
    with pytest.raises(FieldErrors) as too_long:
        media.set_alt(session, owner, first.id, "de", "x" * 301)
    assert too_long.value.errors == {"alt_de": "cms.media.error.alt_too_long"}


def test_usage_is_replaced_per_user_and_delete_is_refused_while_used(demo, session):
    owner = Owner.store(store_id("cafe-lux"))
    image = media.upload(session, owner, "a.png", png())
    other = media.upload(session, owner, "b.png", png())
    for page in ("page:1", "page:2", "page:3"):
        media.record_usage(session, owner, {image.id}, page)
    assert media.usage(session, owner, image.id) == ["page:1", "page:2", "page:3"]
    assert media.media_of(session, owner, [image.id])[0].used_by == 3
    with pytest.raises(media.MediaInUse) as refused:
        media.delete(session, owner, image.id)
    assert refused.value.count == 3 and refused.value.params == {"count": 3}
    media.record_usage(session, owner, {other.id}, "page:2")  # page 2 now shows the other image
    media.record_usage(session, owner, set(), "page:1")
    media.record_usage(session, owner, set(), "page:3")
    assert media.usage(session, owner, image.id) == [] and media.usage(session, owner, other.id) == ["page:2"]
    media.delete(session, owner, image.id)
    assert [r.id for r in media.media_of(session, owner)] == [other.id]
    assert not file_of(image.urls["md"]).exists()


def test_another_owners_image_is_absent_and_not_found(demo, session):
    cafe, velo = Owner.store(store_id("cafe-lux")), Owner.store(store_id("velo-weber"))
    platform = Owner.platform(platform_id("oms"))
    mine = media.upload(session, cafe, "a.png", png())
    theirs = media.upload(session, velo, "b.png", png())
    platform_image = media.upload(session, platform, "p.png", png())
    assert [r.id for r in media.media_of(session, cafe, [mine.id, theirs.id, platform_image.id])] == [mine.id]
    assert [r.id for r in media.media_of(session, platform)] == [platform_image.id]
    for call in (
        lambda: media.set_alt(session, cafe, theirs.id, "fr", "x"),
        lambda: media.usage(session, cafe, theirs.id),
        lambda: media.delete(session, cafe, theirs.id),
        lambda: media.delete(session, velo, platform_image.id),
    ):
        with pytest.raises(NotFound):
            call()
    media.record_usage(session, cafe, {theirs.id}, "page:9")  # ignored: not cafe's image
    assert media.usage(session, velo, theirs.id) == []
    assert media.missing_alt(session, cafe, [theirs.id], ["fr"]) == {theirs.id: ["fr"]}
    with pytest.raises(ValueError):
        Owner(platform_id=1, store_id=2)


def test_the_store_page_lists_uploads_saves_alt_texts_and_refuses_deleting_what_is_used(demo):
    browser = Browser()
    cafe = Owner.store(store_id("cafe-lux"))
    from orion_app.db import session_scope

    with session_scope() as session:
        image = media.upload(session, cafe, "terrace.png", png())
        media.record_usage(session, cafe, {image.id}, "page:4")
    tab = Tab(
        StoreMediaState,
        "/store/cafe-lux/media",
        browser.token(MARIE),
        rows=[],
        languages=[],
        errors={},
        form_key=0,
    )
    tab.call("load")
    assert tab.languages == ["fr", "en", "de", "lb"]
    [row] = tab.rows
    assert (
        row["filename"] == "terrace.png"
        and row["usage"] == "Used on 1 page(s)"
        and row["used_by"] == "page:4"
    )
    assert f"/_upload/cms/store/{cafe.store_id}/" in row["src"] and row["src"].endswith("_sm.webp")
    tab.call("save_alt", form={"media_id": row["id"], "alt_fr": "Terrasse", "alt_en": "Terrace"})
    assert tab.rows[0]["alt_fr"] == "Terrasse" and tab.rows[0]["alt_en"] == "Terrace"
    tab.call("delete", media_id=row["id"])
    assert "used on 1 page(s)" in tab.errors[row["id"]] and len(tab.rows) == 1


def test_another_stores_staff_reach_nothing_of_this_library(demo):
    browser = Browser()
    cafe = Owner.store(store_id("cafe-lux"))
    from orion_app.db import session_scope

    with session_scope() as session:
        image = media.upload(session, cafe, "terrace.png", png())
    tab = Tab(
        StoreMediaState,
        "/store/velo-weber/media",
        browser.token(JEAN),
        rows=[],
        languages=[],
        errors={},
        form_key=0,
    )
    tab.call("load")
    assert tab.rows == []
    tab.call("save_alt", form={"media_id": str(image.id), "alt_fr": "volé"})
    tab.call("delete", media_id=str(image.id))
    with session_scope() as session:
        [still] = media.media_of(session, cafe)
    assert still.alt == {}
    # Jean on cafe-lux's page: refused by the guard, nothing loaded.
    foreign = Tab(
        StoreMediaState,
        "/store/cafe-lux/media",
        browser.token(JEAN),
        rows=[],
        languages=[],
        errors={},
        form_key=0,
    )
    foreign.call("load")
    assert foreign.rows == []


def test_a_platform_admin_manages_only_the_libraries_of_platforms_they_administer(demo):
    browser = Browser()
    from orion_app.db import session_scope

    with session_scope() as session:
        media.upload(session, Owner.platform(platform_id("oms")), "hero.png", png())
        media.upload(session, Owner.platform(platform_id("main")), "main.png", png())
    tab = Tab(
        PlatformMediaState,
        "/admin/media",
        browser.token(OPS),
        rows=[],
        languages=[],
        errors={},
        form_key=0,
        platforms=[],
        platform_code="",
    )
    tab.call("load")
    assert [p["value"] for p in tab.platforms] == ["oms"] and [r["filename"] for r in tab.rows] == [
        "hero.png"
    ]
    tab.call("choose_platform", code="main")  # not theirs: back to their own
    assert tab.platform_code == "oms" and [r["filename"] for r in tab.rows] == ["hero.png"]
