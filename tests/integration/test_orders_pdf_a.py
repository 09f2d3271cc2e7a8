"""The invoice and credit-note PDFs meet what PDF/A-3 asks beyond fpdf2 and factur-x: every
font embedded, an sRGB OutputIntent, XMP saying PDF/A-3 B; text outside ASCII (Lëtzebuerg,
Müller, Straße, €) is written with the embedded font and reads back as text. Pick lists use
the same font."""

import dataclasses
import io

import facturx
import pytest
from pypdf import PdfReader

from modules.orders.services.document_files import read_pdf
from modules.orders.services.invoices import save_invoice_settings
from modules.orders.services.pdf_fonts import printable
from modules.orders.services.picklist import PickRow, picklist_pdf
from modules.payments.public import refund
from orion_app.db import session_scope
from tests.integration.catalog_helpers import scope
from tests.integration.helpers import use_media_dir
from tests.integration.invoices_helpers import credit_notes_of, invoices_of, paid_order, pdf_attachments
from tests.integration.orders_helpers import HOME, stocked
from tests.integration.payments_helpers import offer_bank_transfer

MULLER = dataclasses.replace(HOME, name="Jürgen Müller", line1="3, Großstraße")


@pytest.fixture
def invoice_pdf(demo, monkeypatch, tmp_path):
    """The PDF of an invoice to Jürgen Müller from a seller whose address shows its capital in €."""
    use_media_dir(monkeypatch, tmp_path / "media")
    store_id = scope()[0]
    offer_bank_transfer(store_id)
    with session_scope() as session:
        address = "2, place d'Armes\nL-1136 Luxembourg\nCapital social 12 000 €"
        save_invoice_settings(session, store_id, invoice_on="payment", seller_address=address)
    record = paid_order(stocked("MOKA", "12,50", 50)[1], 2, billing=MULLER)
    return record, read_pdf(invoices_of(record.id)[0])


def fonts_of(pdf: bytes) -> list[dict]:
    """The descriptor of every font the pages use (a composite font's descendant's)."""
    found = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            for part in font.get("/DescendantFonts", [font]):
                found.append(part.get_object()["/FontDescriptor"].get_object())
    return found


def test_every_font_of_the_invoice_is_embedded(invoice_pdf):
    descriptors = fonts_of(invoice_pdf[1])
    assert descriptors and all("/FontFile2" in d or "/FontFile" in d for d in descriptors)


def test_the_invoice_declares_srgb_as_its_pdf_a_output_intent(invoice_pdf):
    root = PdfReader(io.BytesIO(invoice_pdf[1])).trailer["/Root"]
    (intent,) = [i.get_object() for i in root["/OutputIntents"]]
    assert intent["/S"] == "/GTS_PDFA1" and intent["/OutputConditionIdentifier"] == "sRGB"
    profile = intent["/DestOutputProfile"].get_object()
    assert profile["/N"] == 3 and profile.get_data()[36:40] == b"acsp"  # an ICC profile's signature


def test_the_xmp_metadata_says_pdf_a_3_b_once_with_the_factur_x_schema(invoice_pdf):
    reader = PdfReader(io.BytesIO(invoice_pdf[1]))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert xmp.count(b"<pdfaid:part>3</pdfaid:part>") == 1
    assert b"<pdfaid:conformance>B</pdfaid:conformance>" in xmp
    assert b"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#" in xmp
    assert "/Encrypt" not in reader.trailer


def test_names_and_amounts_outside_ascii_read_back_as_text(invoice_pdf):
    _record, pdf = invoice_pdf
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    for words in ("Café Lëtzebuerg SARL", "Capital social 12 000 €", "Jürgen Müller", "3, Großstraße"):
        assert words in text
    xml = pdf_attachments(pdf)["factur-x.xml"]
    assert facturx.xml_check_xsd(xml, flavor="factur-x", level="basic")
    assert "Jürgen Müller".encode() in xml


def test_a_credit_note_is_drawn_with_the_same_embedded_font_and_output_intent(invoice_pdf):
    record, _pdf = invoice_pdf
    with session_scope() as session:
        refund(
            session, store_id=record.store_id, payment_id=record.payment.id, amount_cents=500, actor="Marie"
        )
    (note,) = credit_notes_of(record.id)
    pdf = read_pdf(note)
    assert all("/FontFile2" in d for d in fonts_of(pdf))
    assert "/OutputIntents" in PdfReader(io.BytesIO(pdf)).trailer["/Root"]
    assert "Jürgen Müller" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_the_pick_list_embeds_its_font_and_prints_names_outside_latin_1():
    rows = [PickRow("STRASSEN", "A-01", "BON-25", "Bon cadeau 25 € – Œuvre", 1, "CL-2026-000001")]
    pdf = picklist_pdf(rows, "Café Lëtzebuerg", "de")
    assert all("/FontFile2" in d for d in fonts_of(pdf))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Café Lëtzebuerg" in text and "Bon cadeau 25 € – Œuvre" in text


def test_a_character_the_font_lacks_becomes_its_base_letter_or_a_question_mark():
    assert printable("Łódź Győr 東京") == "Łódz Gyor ??"
