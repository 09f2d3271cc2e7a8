"""What the shopper-side customers tests share: a store's storefront, a signed-up shopper,
and the token inside a delivered mail."""

import re

import pytest

from modules.customers.services.accounts import sign_up
from modules.customers.services.auth import open_session
from modules.customers.services.shop import Storefront
from orion_app.db import session_scope
from tests.integration.messaging_helpers import deliver_queued, shop

PASSWORD = "long-enough-pw"


def storefront(code: str = "cafe-lux") -> Storefront:
    with session_scope() as session:
        found = shop(session, code)
    return Storefront(
        store_id=found.store_id,
        platform_id=found.platform_id,
        base_url=f"http://test.localhost/platforms/oms/storefront/{code}/",
        languages=found.languages,
        default_language=found.default_language,
    )


def signed_up(
    front: Storefront, email: str, *, language: str = "fr", name: str = "Zoë Müller"
) -> tuple[int, str]:
    """(customer id, session token) of a new account, committed."""
    with session_scope() as session:
        customer = sign_up(
            session,
            front,
            name=name,
            email=email,
            password=PASSWORD,
            language=language,
            marketing_consent=False,
        )
        token = open_session(session, customer)
        session.commit()
        return customer.id, token


def text_of(message) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def token_in(message) -> str:
    """The `?token=` of the link in a delivered mail's plain text."""
    return re.search(r"\?token=([\w-]+)", text_of(message)).group(1)


@pytest.fixture
def empty_sink(mail_sink):
    """The SMTP sink without the mail of earlier tests (the same addresses come back)."""
    mail_sink.clear()
    return mail_sink


def delivered(mail_sink, to: str, subject: str):
    deliver_queued()
    return mail_sink.wait_for(to=to, subject_contains=subject, timeout=10)
