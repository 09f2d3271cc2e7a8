"""In Chromium on a phone-sized screen, with the real SMTP sink: a shopper signs up on
cafe-lux in French, verifies the e-mail with the link that arrives, resets the password
once (the link then fails), and the same e-mail signs up on velo-weber as another account."""

import json
import re
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e
CAFE = "/platforms/oms/storefront/cafe-lux/"
VELO = "/platforms/oms/storefront/velo-weber/"
VERIFY_LINK = re.compile(r"https?://\S+/storefront/cafe-lux/account/verify\?token=[\w-]+")
RESET_LINK = re.compile(r"https?://\S+/storefront/cafe-lux/account/reset\?token=[\w-]+")


def link_in(mail_sink, email: str, subject: str, pattern: re.Pattern) -> str:
    message = mail_sink.wait_for(to=email, subject_contains=subject, timeout=30)
    return pattern.search(message.get_body(("plain",)).get_content()).group(0)


def fits(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def sign_up(page: Page, url: str, name: str, email: str, password: str) -> None:
    page.goto(url)
    page.get_by_label("Nom", exact=True).fill(name)
    page.get_by_label("E-mail", exact=True).fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    fits(page)
    page.get_by_role("button", name="Créer mon compte").click()


@pytest.fixture
def phone(browser, app_server):
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


def test_a_shopper_signs_up_verifies_resets_once_and_signs_up_again_in_another_store(
    phone: Page, browser, app_server: str, mail_sink
):
    email = f"zoe-{uuid.uuid4().hex[:6]}@example.lu"
    sign_up(phone, f"{app_server}{CAFE}account/signup", "Zoé Muller", email, "zoe-password-1")
    expect(phone).to_have_url(re.compile(r"/cafe-lux/account\?welcome=1"))
    expect(phone.get_by_text("Bienvenue ! Votre compte est prêt.")).to_be_visible()
    expect(phone.get_by_text(f"Veuillez confirmer votre adresse e-mail {email}")).to_be_visible()
    fits(phone)

    verify = link_in(mail_sink, email, "Confirmez votre adresse e-mail", VERIFY_LINK)
    phone.goto(verify)
    expect(phone.get_by_text("Merci : votre adresse e-mail est confirmée.")).to_be_visible()
    phone.goto(f"{app_server}{CAFE}account")
    expect(phone.get_by_role("heading", name="Mon compte", level=1)).to_be_visible()
    expect(phone.get_by_text("Veuillez confirmer votre adresse e-mail")).to_have_count(0)
    phone.get_by_role("button", name="Se déconnecter").click()
    expect(phone).to_have_url(re.compile(r"/cafe-lux/$"))

    phone.goto(f"{app_server}{CAFE}account/forgot")
    phone.get_by_label("E-mail", exact=True).fill(email)
    phone.get_by_role("button", name="Envoyer le lien").click()
    expect(phone.get_by_text("Si un compte existe pour cette adresse")).to_be_visible()
    reset = link_in(mail_sink, email, "Réinitialisez votre mot de passe", RESET_LINK)
    phone.goto(reset)
    phone.get_by_label("Nouveau mot de passe", exact=True).fill("zoe-password-2")
    phone.get_by_role("button", name="Enregistrer le nouveau mot de passe").click()
    expect(phone).to_have_url(re.compile(r"/cafe-lux/account/login\?notice=reset_done"))
    expect(phone.get_by_text("Votre mot de passe a été modifié.")).to_be_visible()

    phone.goto(reset)  # the link worked once
    expect(phone.get_by_text("Ce lien a expiré ou a déjà été utilisé.")).to_be_visible()

    phone.goto(f"{app_server}{CAFE}account/login")
    phone.get_by_label("E-mail", exact=True).fill(email)
    phone.get_by_label("Mot de passe", exact=True).fill("zoe-password-2")
    phone.get_by_role("button", name="Se connecter").click()
    expect(phone).to_have_url(re.compile(r"/cafe-lux/account$"))
    expect(phone.get_by_text(f"Zoé Muller · {email}")).to_be_visible()
    fits(phone)

    # The same e-mail on velo-weber is a new account of its own, with its own password.
    sign_up(phone, f"{app_server}{VELO}account/signup", "Zoé Muller", email, "velo-password-1")
    expect(phone).to_have_url(re.compile(r"/velo-weber/account\?welcome=1"))
    expect(phone.get_by_text(f"Veuillez confirmer votre adresse e-mail {email}")).to_be_visible()
    # … while the cafe-lux session goes on, verified.
    phone.goto(f"{app_server}{CAFE}account")
    expect(phone.get_by_text(f"Zoé Muller · {email}")).to_be_visible()
    expect(phone.get_by_text("Veuillez confirmer votre adresse e-mail")).to_have_count(0)


def test_a_shopper_keeps_addresses_changes_the_profile_downloads_the_data_and_deletes_the_account(
    phone: Page, app_server: str
):
    email = f"lea-{uuid.uuid4().hex[:6]}@example.lu"
    sign_up(phone, f"{app_server}{CAFE}account/signup", "Léa Weber", email, "lea-password-1")
    expect(phone).to_have_url(re.compile(r"/cafe-lux/account\?welcome=1"))

    phone.get_by_role("link", name="Adresses").click()
    phone.get_by_role("button", name="Ajouter une adresse").click()
    phone.get_by_label("Nom complet", exact=True).fill("Léa Weber")
    phone.get_by_label("Rue et numéro", exact=True).fill("12, rue de l'Église")
    phone.get_by_label("Code postal", exact=True).fill("L-12345")
    phone.get_by_label("Localité", exact=True).fill("Luxembourg")
    phone.get_by_label("Société", exact=True).fill("Éclair SARL")
    phone.get_by_label("Numéro de TVA", exact=True).fill("LU1234")
    fits(phone)
    phone.get_by_role("button", name="Enregistrer").click()
    expect(phone.get_by_text("Un code postal luxembourgeois compte 4 chiffres")).to_be_visible()
    expect(phone.get_by_text("Ce numéro de TVA n'a pas le format de son pays.")).to_be_visible()
    phone.get_by_label("Code postal", exact=True).fill("1458")
    phone.get_by_label("Numéro de TVA", exact=True).fill("LU 1234 5678")
    phone.get_by_role("button", name="Enregistrer").click()
    expect(phone.get_by_text("L-1458 Luxembourg · LU")).to_be_visible()
    expect(phone.get_by_text("LU12345678")).to_be_visible()
    expect(phone.get_by_text("Adresse de facturation par défaut")).to_be_visible()
    fits(phone)

    phone.get_by_role("link", name="Profil").click()
    phone.get_by_label("Recevoir les nouveautés et offres par e-mail").check()
    phone.get_by_role("button", name="Enregistrer").click()
    expect(phone.get_by_text("Enregistré.")).to_be_visible()
    phone.reload()
    expect(phone.get_by_label("Recevoir les nouveautés et offres par e-mail")).to_be_checked()

    phone.get_by_role("link", name="Commandes").click()
    expect(phone.get_by_text("Vous n'avez encore rien commandé.")).to_be_visible()

    phone.get_by_role("main").get_by_role("link", name="Confidentialité").click()  # not the footer's
    with phone.expect_download() as download:
        phone.get_by_role("link", name="Télécharger (JSON)").click()
    saved = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert saved["account"]["email"] == email and saved["addresses"][0]["company"] == "Éclair SARL"
    phone.get_by_label("Mot de passe", exact=True).fill("lea-password-1")
    phone.get_by_label("Je comprends que c'est irréversible").check()
    fits(phone)
    phone.get_by_role("button", name="Supprimer mon compte").click()
    expect(phone).to_have_url(re.compile(r"/cafe-lux/account/login\?notice=deleted"))
    expect(phone.get_by_text("Votre compte a été supprimé.")).to_be_visible()
    phone.goto(f"{app_server}{CAFE}account")  # signed out everywhere
    expect(phone).to_have_url(re.compile(r"/cafe-lux/account/login\?next="))
