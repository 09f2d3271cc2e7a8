"""The messaging pages' reads and writes: each store sees its own e-mail log and edits only its
own texts, admins see the platforms they manage; and, through a real backend, the handlers
refuse staff without the permission, another store's owner, and never send the SMTP password
back."""

import pytest
from sqlmodel import select

from modules.messaging.models import EmailLog, EmailTemplateOverride, MessagingSettings
from modules.messaging.services.log_views import platforms_log, store_log
from modules.messaging.services.template_views import editable_kinds, overridden_languages
from modules.messaging.services.templates import save_override
from orion_app.db import session_scope
from tests.integration.helpers import platform_id, store_id
from tests.integration.live_backend import EventClient, demo_backend, handler

VERIFY = "customers.verify_email"


def log_rows(store_code: str | None, platform: str, rows: list[tuple[str, str]]) -> None:
    """E-mail log rows (status, kind) of a store (None: of the platform itself)."""
    with session_scope() as session:
        for n, (status, kind) in enumerate(rows):
            session.add(
                EmailLog(
                    store_id=store_id(store_code) if store_code else None,
                    platform_id=platform_id(platform),
                    kind=kind,
                    recipient=f"shopper{n}@example.com",
                    language="fr",
                    status=status,
                    attempts=1 if status != "queued" else 0,
                    last_error="550 no such user" if status == "failed" else "",
                )
            )


def test_a_store_reads_only_its_own_log_filtered_by_status_and_kind_a_page_at_a_time(demo):
    log_rows("cafe-lux", "oms", [("sent", VERIFY)] * 3 + [("failed", "customers.reset_password")])
    log_rows("velo-weber", "oms", [("sent", VERIFY)] * 2)
    cafe = store_id("cafe-lux")
    with session_scope() as session:
        everything = store_log(session, cafe)
        assert everything.total == 4
        assert {e.store_id for e in everything.entries} == {cafe}
        failed = store_log(session, cafe, status="failed")
        assert [(e.status, e.kind, e.last_error) for e in failed.entries] == [
            ("failed", "customers.reset_password", "550 no such user")
        ]
        assert store_log(session, cafe, kind=VERIFY).total == 3
        second = store_log(session, cafe, page=2, per_page=3)
        assert (second.total, len(second.entries)) == (4, 1)
        assert store_log(session, cafe, status="not-a-status").total == 4


def test_admins_read_the_log_of_their_platforms_only_and_super_admins_every_platform(demo):
    log_rows("cafe-lux", "oms", [("sent", VERIFY)])
    log_rows(None, "main", [("queued", "tenancy.reset_password")])
    with session_scope() as session:
        oms_only = platforms_log(session, {platform_id("oms")})
        assert [e.recipient for e in oms_only.entries] == ["shopper0@example.com"]
        assert oms_only.entries[0].store_id == store_id("cafe-lux")
        assert platforms_log(session, set()).total == 0
        assert platforms_log(session, None).total == 2


def test_stores_edit_only_kinds_they_may_override_and_see_their_own_languages(demo):
    store_codes = {k.code for k in editable_kinds(store_level=True)}
    platform_codes = {k.code for k in editable_kinds(store_level=False)}
    assert VERIFY in store_codes and "tenancy.team_invitation" not in store_codes
    assert "tenancy.team_invitation" in platform_codes
    oms, cafe, velo = platform_id("oms"), store_id("cafe-lux"), store_id("velo-weber")
    texts = {
        "subject": "Bienvenue chez {{ store_name }}",
        "body_html": "<p>{{ link }}</p>",
        "body_text": "{{ link }}",
    }
    with session_scope() as session:
        for language in ("fr", "de"):
            save_override(
                session, kind=VERIFY, platform_id=oms, store_id=cafe, language=language, user_id=None, **texts
            )
        assert overridden_languages(session, oms, cafe) == {VERIFY: ["de", "fr"]}
        assert overridden_languages(session, oms, velo) == {}
        assert overridden_languages(session, oms, None) == {}


# Through a real backend, as the browser sends them.


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    yield from demo_backend(tmp_path_factory)


def overrides() -> list[tuple[int | None, str, str]]:
    with session_scope() as session:
        rows = session.exec(select(EmailTemplateOverride)).all()
        return [(r.store_id, r.language, r.subject) for r in rows]


FORM = {"subject": "Confirmez votre compte", "body_html": "<p>{{ link }}</p>", "body_text": "{{ link }}"}
EDITOR = f"/store/cafe-lux/emails/templates/{VERIFY}"


def test_the_owner_saves_a_french_subject_is_told_an_undeclared_variable_by_name_and_resets_to_default(live):
    from modules.messaging.state.store import StoreTemplateEditorState as S

    backend, tokens = live
    tab = EventClient(backend, tokens["marie"])
    loaded = repr(tab.send(handler(S, "load"), {}, EDITOR))
    # French first (the store's default), the module's text, previewed with the store's name.
    assert "Confirmez votre adresse e-mail pour {{ store_name }}" in loaded
    assert "Confirmez votre adresse e-mail pour Café Lëtzebuerg" in loaded
    saved = repr(tab.send(handler(S, "save"), {"form": FORM}, EDITOR))
    assert "Confirmez votre compte" in saved
    assert (store_id("cafe-lux"), "fr", "Confirmez votre compte") in overrides()
    tab.close()
    tab = EventClient(backend, tokens["marie"])  # a new tab: the save's toast came after its answer
    tab.send(handler(S, "load"), {}, EDITOR)
    refused = repr(tab.send(handler(S, "edit"), {"part": "subject", "value": "Salut {{ nope }}"}, EDITOR))
    assert "'errors_rx_state_': {'subject': 'Unknown variable: nope'}" in refused
    assert (store_id("cafe-lux"), "fr", "Confirmez votre compte") in overrides()  # refused: unchanged
    tab.send(handler(S, "reset_to_default"), {}, EDITOR)
    tab.close()
    assert all(store != store_id("cafe-lux") for store, _, _ in overrides())


def test_staff_without_the_permission_and_another_stores_owner_cannot_save_or_read(live):
    from modules.messaging.state.log import StoreEmailLogState
    from modules.messaging.state.store import StoreTemplateEditorState as S

    backend, tokens = live
    before = overrides()
    for who in ("luc", "jean"):
        tab = EventClient(backend, tokens[who])
        refused = backend.refusals()
        tab.send(handler(S, "save"), {"form": {**FORM, "subject": f"Taken by {who}"}}, EDITOR, wait=False)
        tab.send(handler(StoreEmailLogState, "load"), {}, "/store/cafe-lux/emails", wait=False)
        tab.barrier()
        expected = 1 if who == "luc" else 2  # luc (staff) may read his store's log
        assert backend.refusals() == refused + expected, who
        tab.close()
    assert overrides() == before


def test_another_stores_owner_saves_texts_for_his_own_store_only(live):
    from modules.messaging.state.store import StoreTemplateEditorState as S

    backend, tokens = live
    tab = EventClient(backend, tokens["jean"])
    own = f"/store/velo-weber/emails/templates/{VERIFY}"
    tab.send(handler(S, "load"), {}, own)
    tab.send(handler(S, "save"), {"form": {**FORM, "subject": "Vëlo: confirmez"}}, own)
    tab.close()
    assert (store_id("velo-weber"), "fr", "Vëlo: confirmez") in overrides()
    assert all(
        subject != "Vëlo: confirmez" for store, _, subject in overrides() if store != store_id("velo-weber")
    )


def test_the_smtp_password_is_stored_encrypted_and_never_sent_back(live):
    from modules.messaging.state.admin import PlatformSettingsState as S

    backend, tokens = live
    secret = "s3cret-smtp-Passw0rd"
    page = "/admin/messaging/oms"
    tab = EventClient(backend, tokens["ada"])
    form = {
        "from_address": "shop@omsflow.lu",
        "from_name": "OMS",
        "reply_to": "",
        "smtp_host": "smtp.omsflow.lu",
        "smtp_port": "587",
        "smtp_tls": "starttls",
        "smtp_username": "mailer",
        "smtp_password": secret,
    }
    updates = tab.send(handler(S, "load"), {}, page) + tab.send(handler(S, "save"), {"form": form}, page)
    updates += tab.send(handler(S, "load"), {}, page)
    tab.close()
    seen = repr(updates)
    assert "password_stored" in seen and "smtp.omsflow.lu" in seen
    assert "went wrong" not in seen and "no-reply@orion.localhost" in seen  # the server's, at first
    assert secret not in seen
    with session_scope() as session:
        stored = session.exec(select(MessagingSettings)).one()
    assert stored.smtp_password_encrypted and secret not in stored.smtp_password_encrypted
