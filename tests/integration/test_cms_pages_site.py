"""The platform's public site: the contact form (mail through messaging, a rate limit per
client address, a honeypot for bots, errors next to the fields) and the demo content."""

import pytest

from modules.cms.services.contact import ContactInput, send_contact
from modules.cms.services.resolve import Visitor, find_page, language_order, menus
from modules.messaging.models import EmailLog
from orion_app.errors import FieldErrors, ServiceError
from tests.integration.helpers import platform_id
from tests.integration.messaging_helpers import deliver_queued

HELLO = "hello@orion.localhost"  # the demo platforms' contact address (modules/cms/demo/site.json)


def message(**changes) -> ContactInput:
    fields = dict(
        name="Anne Muller", email="anne@example.lu", message="Do you support shops in Trier?", lang="fr"
    )
    return ContactInput(**(fields | changes))


def test_the_contact_form_mails_the_platforms_contact_address(demo, session, mail_sink):
    assert send_contact(session, platform_id("oms"), message(), "203.0.113.7") is True
    deliver_queued()
    mail = mail_sink.wait_for(to=HELLO, subject_contains="Anne Muller", timeout=10)
    assert "Formulaire de contact de OMS Flow" in str(mail["Subject"])
    assert "Do you support shops in Trier?" in mail.get_body(("plain",)).get_content()


def test_a_bot_filling_the_honeypot_is_thanked_and_nothing_is_sent(demo, session, mail_sink):
    before = len(session.exec(EmailLog.__table__.select()).all())
    assert (
        send_contact(session, platform_id("oms"), message(website="https://spam.example"), "203.0.113.8")
        is False
    )
    assert len(session.exec(EmailLog.__table__.select()).all()) == before


def test_bad_fields_are_refused_next_to_each_field(demo, session):
    with pytest.raises(FieldErrors) as refused:
        send_contact(
            session, platform_id("oms"), message(name="", email="anne@", message="hi"), "203.0.113.9"
        )
    assert refused.value.errors == {
        "name": "cms.contact.error.name",
        "email": "cms.contact.error.email",
        "message": "cms.contact.error.message",
    }


def test_more_than_five_messages_an_hour_from_one_address_are_refused(demo, session):
    for _ in range(5):
        send_contact(session, platform_id("oms"), message(website="x"), "198.51.100.1")
    with pytest.raises(ServiceError) as refused:
        send_contact(session, platform_id("oms"), message(), "198.51.100.1")
    assert refused.value.message_key == "cms.contact.error.too_many"
    assert (
        send_contact(session, platform_id("oms"), message(website="x"), "198.51.100.2") is False
    )  # another address


def test_every_demo_platform_has_its_home_about_and_contact_in_each_language(demo, session):
    for code in ("main", "oms", "loyalty"):
        for lang in ("en", "fr", "de", "lb"):
            visitor = Visitor(platform_id=platform_id(code), languages=language_order(lang, "en"))
            home = find_page(session, visitor, key="home")
            assert home.lang == lang and "{platform}" not in home.title
            assert find_page(session, visitor, key="about").lang == lang
            assert find_page(session, visitor, key="contact") is not None
            assert menus(session, visitor) == {
                "header": [],
                "footer": [],
            }  # they have menu entries of their own


def admin_editor(token: str):
    from modules.cms.state.platform_pages import PlatformPagesState
    from tests.integration.helpers import Tab

    fields = dict(rows=[], defaults=[], editing=False, page_id=0, key="", placement="none", position="0")
    fields |= dict(status="draft", publish_at="", languages=[], tab="", slug="", title="", description="")
    fields |= dict(blocks=[], images=[], grids=False, preview="", errors={}, other_tab_errors="", history=[])
    fields |= dict(platforms=[], platform_code="", level="platform_page", level_options=[])
    return Tab(PlatformPagesState, "/admin/content", token, form_key=0, _drafts={}, **fields)


def test_a_platform_admin_edits_only_the_pages_of_the_platforms_they_administer(demo, session):
    from modules.cms.services.pages import pages_of
    from modules.cms.services.scope import Owner
    from tests.integration.helpers import Browser

    main_home = next(p for p in pages_of(session, Owner.platform(platform_id("main"))) if p.key == "home")
    tab = admin_editor(Browser().token("ops@omsflow.lu"))
    tab.call("load")
    assert tab.platforms == [{"value": "oms", "label": "OMS Flow"}] and tab.platform_code == "oms"
    assert sorted(row["title"] for row in tab.rows) == [
        "About OMS Flow",
        "Contact",
        "OMS Flow: commerce for Luxembourg's independent shops",
    ]
    tab.call("choose_platform", code="main")
    assert tab.platform_code == "oms"  # not theirs: back to the one they administer
    tab.call("open_page", page_id=main_home.id)
    assert tab.editing is False
    tab.call("choose_level", level="store_default")
    assert [row["slug"] for row in tab.rows] == ["p/legal-notice", "p/terms", "p/privacy", "p/withdrawal"]
    terms = next(row for row in tab.rows if row["slug"] == "p/terms")
    tab.call("open_page", page_id=int(terms["id"]))
    assert tab.editing and "{{ store.name }}" in tab.blocks[0]["text"]  # defaults keep their placeholders
