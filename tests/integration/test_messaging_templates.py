"""Message texts: the language a mail goes out in, overrides, and what a template may hold."""

import pytest

from modules.messaging.kinds import get_kind
from modules.messaging.models import EmailLog
from modules.messaging.services.rendering import validate_template
from modules.messaging.services.templates import effective_texts, preview, save_override
from orion_app.errors import FieldErrors, ServiceError
from orion_app.ui.forms import translated_errors
from tests.integration.messaging_helpers import shop

VERIFY = "customers.verify_email"
LINK = {"link": "https://cafe.example/verify?token=abc"}


def _send(session, **kwargs):
    from modules.messaging.public import send_message

    args = {"kind": VERIFY, "to_email": "anne@example.lu", "to_name": "Anne", "context": LINK, **kwargs}
    log_id = send_message(session, **args)
    return session.get(EmailLog, log_id)


def test_a_mail_goes_out_in_the_recipients_language_then_the_store_default_then_english(demo, session):
    cafe = shop(session)
    assert (
        _send(session, platform_id=cafe.platform_id, store_id=cafe.store_id, language="de").language == "de"
    )
    french = _send(session, platform_id=cafe.platform_id, store_id=cafe.store_id, language="xx")
    assert (french.language, french.subject) == ("fr", "Confirmez votre adresse e-mail pour Café Lëtzebuerg")
    assert _send(session, platform_id=cafe.platform_id, store_id=None, language=None).language == "en"


@pytest.mark.parametrize("language", ["en", "fr", "de", "lb"])
def test_each_language_renders_its_own_texts_with_the_link(demo, session, language):
    cafe = shop(session)
    row = _send(session, platform_id=cafe.platform_id, store_id=cafe.store_id, language=language)
    assert row.language == language and "Café Lëtzebuerg" in row.subject
    assert LINK["link"] in row.body_text and "https://cafe.example/verify?token=abc" in row.body_html
    english = _send(session, platform_id=cafe.platform_id, store_id=cafe.store_id, language="en")
    assert language == "en" or row.subject != english.subject


def test_a_store_override_beats_the_platform_override_which_beats_the_default(demo, session):
    cafe = shop(session)
    common = {"kind": VERIFY, "platform_id": cafe.platform_id, "language": "fr"}
    assert effective_texts(session, store_id=cafe.store_id, **common).source == "default"
    texts = {"body_html": "<p>{{ link }}</p>", "body_text": "{{ link }}", "user_id": None}
    save_override(session, store_id=None, subject="Plateforme {{ store_name }}", **common, **texts)
    assert (
        _send(session, platform_id=cafe.platform_id, store_id=cafe.store_id).subject
        == "Plateforme Café Lëtzebuerg"
    )
    save_override(session, store_id=cafe.store_id, subject="Boutique {{ recipient_name }}", **common, **texts)
    assert _send(session, platform_id=cafe.platform_id, store_id=cafe.store_id).subject == "Boutique Anne"
    velo = shop(session, "velo-weber")
    assert (
        _send(session, platform_id=velo.platform_id, store_id=velo.store_id).subject
        == "Plateforme Vëlo Weber"
    )


def _refusal(
    subject="Hi {{ recipient_name }}", html="<p>{{ link }}</p>", text="{{ link }}"
) -> dict[str, str]:
    with pytest.raises(FieldErrors) as caught:
        validate_template(get_kind(VERIFY), subject, html, text)
    return translated_errors(caught.value, "en")


def test_an_undeclared_variable_is_refused_with_its_name_next_to_its_field():
    assert _refusal(html="<p>{{ link }} {{ coupon_code }}</p>") == {
        "body_html": "Unknown variable: coupon_code"
    }


def test_a_sandbox_escape_is_refused_when_saved_and_when_rendered(demo, session):
    assert _refusal(text="{{ ''.__class__.__mro__ }}") == {
        "body_text": "'__class__, __mro__' is not allowed in a template."
    }
    assert "body_html" in _refusal(html="{{ link['__class__'] }}")
    from modules.messaging.kinds import Texts
    from modules.messaging.services.rendering import render

    sneaky = Texts("Hi", "<p>{{ link|attr('__class__') }}</p>", "x")
    with pytest.raises(ServiceError) as caught:
        render(get_kind(VERIFY), sneaky, LINK)
    assert caught.value.message_key == "messaging.error.unsafe"


def test_oversized_texts_line_breaks_in_subjects_and_syntax_errors_are_refused():
    assert _refusal(html="x" * 102_401) == {"body_html": "The text may be at most 100 KB."}
    assert _refusal(subject="x" * 201) == {"subject": "The subject may have at most 200 characters."}
    assert _refusal(subject="Hi\r\nBcc: victim@example.com") == {
        "subject": "The subject must fit on one line."
    }
    syntax = _refusal(text="line one\n{% if link %}never closed")["body_text"]
    assert syntax.startswith("Template error on line 2: Unexpected end of template.")


def test_malformed_addresses_and_header_injection_send_nothing(demo, session):
    cafe = shop(session)
    ids = {"platform_id": cafe.platform_id, "store_id": cafe.store_id}
    for bad in ("not-an-email", "anne@example.lu\r\nBcc: x@y.lu", "a@b.lu, c@d.lu"):
        with pytest.raises(FieldErrors) as caught:
            _send(session, to_email=bad, **ids)
        assert caught.value.errors == {"email": "messaging.error.email"}
    with pytest.raises(FieldErrors):
        _send(session, to_name="Anne\nBcc: x@y.lu", **ids)
    with pytest.raises(ServiceError) as caught:
        _send(session, context={**LINK, "secret": 1}, **ids)
    assert caught.value.message_key == "messaging.error.undeclared_context"
    with pytest.raises(ServiceError) as caught:
        _send(session, kind="nope.kind", **ids)
    assert session.query(EmailLog).count() == 0


def test_the_preview_renders_the_edited_texts_with_sample_values(demo, session):
    cafe = shop(session)
    shown = preview(
        session,
        kind=VERIFY,
        platform_id=cafe.platform_id,
        store_id=cafe.store_id,
        subject="Pour {{ recipient_name }}",
        body_html="<a href='{{ link }}'>{{ store_name }}</a>",
        body_text="{{ link }}",
    )
    assert shown.subject == "Pour Marie Schmit"
    assert shown.body_html == "<a href='https://example.com/link?token=sample'>Café Lëtzebuerg</a>"
