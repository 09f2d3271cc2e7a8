"""Invoice and credit-note PDFs: drawn with fpdf2, then made PDF/A-3 with the Factur-X XML
embedded as `factur-x.xml` by the `factur-x` package.

fpdf2 is pure Python (no Cairo/Pango like WeasyPrint, no C extension like ReportLab's
accelerator): it installs anywhere pip does and draws an A4 page in milliseconds. PDF/A-3
needs what neither fpdf2 nor factur-x adds by default: every font embedded (the page uses
`pdf_fonts.FONT`, an embedded TrueType font, so "Lëtzebuerg", "Müller", "ß" and "€" print
and extract as text) and an sRGB OutputIntent (`pdf_fonts.add_srgb_output_intent`). The
XMP metadata saying PDF/A-3 B (pdfaid part 3, conformance B) with the Factur-X extension
schema is written by factur-x's `generate_from_binary`. No transparency, no encryption.
All labels come from the module's `orders.invoice.*` keys in the document's language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from modules.orders.models import CreditNote, Invoice
from modules.orders.services.facturx_xml import document_xml
from modules.orders.services.pdf_fonts import FONT, add_srgb_output_intent, new_pdf, printable
from orion_app.i18n import translate

if TYPE_CHECKING:
    from fpdf import FPDF

# (label key, width in mm, alignment) of the lines table; 180 mm in all.
COLUMNS = (
    ("orders.invoice.item", 74, "L"),
    ("orders.invoice.quantity", 14, "R"),
    ("orders.invoice.net", 24, "R"),
    ("orders.invoice.vat_rate", 18, "R"),
    ("orders.invoice.vat", 24, "R"),
    ("orders.invoice.gross", 26, "R"),
)


def amount(cents: int, currency: str) -> str:
    return f"{Decimal(cents) / 100:,.2f} {currency}".replace(",", " ")


def render_document(doc: Invoice | CreditNote, invoice_number: str = "") -> bytes:
    """`doc` as a PDF/A-3 with its Factur-X XML attached (a credit note names `invoice_number`)."""
    import facturx  # heavy (pypdf, lxml): loaded when a PDF is made, not with the app (hot reload)

    xml = document_xml(doc, invoice_number)
    title = _title(doc)
    metadata = {
        "author": doc.seller.get("legal_name", ""),
        "keywords": "Factur-X",
        "title": f"{title} {doc.number}",
        "subject": f"{title} {doc.number}",
    }
    return facturx.generate_from_binary(
        draw_document(doc, invoice_number),
        xml,
        flavor="factur-x",
        level="basic",
        pdf_metadata=metadata,
        lang=doc.language,
    )


def draw_document(doc: Invoice | CreditNote, invoice_number: str = "") -> bytes:
    """The printable page alone (no XML): what `render_document` makes PDF/A-3."""
    lang = doc.language
    pdf = new_pdf(unit="mm")
    add_srgb_output_intent(pdf)
    pdf.set_auto_page_break(auto=True, margin=18)
    pdf.set_title(f"{_title(doc)} {doc.number}")
    pdf.add_page()
    pdf.set_font(FONT, "B", 16)
    pdf.cell(0, 9, printable(_title(doc)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    facts = [
        translate("orders.invoice.number", lang, value=doc.number),
        translate("orders.invoice.date", lang, value=f"{doc.issued_at:%Y-%m-%d}"),
        translate("orders.invoice.order", lang, value=doc.buyer.get("order_number", "")),
    ]
    if invoice_number:
        facts.append(translate("orders.invoice.corrects", lang, number=invoice_number))
    for fact in facts:
        pdf.cell(0, 5, printable(fact), new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3)
    top = pdf.get_y()
    _party(pdf, 10, top, translate("orders.invoice.seller", lang), _seller_lines(doc))
    _party(pdf, 110, top, translate("orders.invoice.buyer", lang), _buyer_lines(doc))
    pdf.set_y(max(pdf.get_y(), top + 40))
    _lines_table(pdf, doc)
    _totals(pdf, doc)
    pdf.ln(4)
    pdf.set_font(FONT, "", 9)
    method = translate(f"orders.domain.payment.{doc.payment_method}", lang)
    pdf.multi_cell(
        0,
        5,
        printable(translate("orders.invoice.payment_method", lang, method=method)),
        new_x="LMARGIN",
        new_y="NEXT",
    )
    if doc.payment_terms:
        pdf.multi_cell(0, 5, printable(doc.payment_terms), new_x="LMARGIN", new_y="NEXT")
    if doc.legal_mention != "none":
        pdf.set_font(FONT, "B", 9)
        pdf.multi_cell(
            0,
            5,
            printable(translate(f"orders.invoice.mention.{doc.legal_mention}", lang)),
            new_x="LMARGIN",
            new_y="NEXT",
        )
    return bytes(pdf.output())


def _title(doc: Invoice | CreditNote) -> str:
    key = "orders.invoice.credit_note_title" if isinstance(doc, CreditNote) else "orders.invoice.title"
    return translate(key, doc.language)


def _seller_lines(doc: Invoice | CreditNote) -> list[str]:
    seller, lang = doc.seller, doc.language
    lines = [seller.get("legal_name", ""), *seller.get("address", "").splitlines()]
    if seller.get("vat_number"):
        lines.append(translate("orders.invoice.vat_number", lang, number=seller["vat_number"]))
    if seller.get("registration_number"):
        lines.append(translate("orders.invoice.registration", lang, number=seller["registration_number"]))
    return lines


def _buyer_lines(doc: Invoice | CreditNote) -> list[str]:
    buyer, lang = doc.buyer, doc.language
    lines = [buyer.get("company", ""), buyer.get("name", ""), buyer.get("line1", ""), buyer.get("line2", "")]
    lines.append(f"{buyer.get('postal_code', '')} {buyer.get('city', '')}".strip())
    lines.append(buyer.get("country", ""))
    if buyer.get("vat_number"):
        lines.append(translate("orders.invoice.vat_number", lang, number=buyer["vat_number"]))
    return lines


def _party(pdf: FPDF, x: float, y: float, heading: str, lines: list[str]) -> None:
    pdf.set_xy(x, y)
    pdf.set_font(FONT, "B", 9)
    pdf.cell(90, 5, printable(heading), new_x="LEFT", new_y="NEXT")
    pdf.set_font(FONT, "", 9)
    for line in filter(None, lines):
        pdf.cell(90, 5, printable(line), new_x="LEFT", new_y="NEXT")


def _row(pdf: FPDF, cells: tuple[str, ...], height: float = 5, border: str | int = 0) -> None:
    """One row of the table, a cell per column."""
    for (_key, width, align), text in zip(COLUMNS, cells, strict=True):
        pdf.cell(width, height, printable(text), border=border, align=align)
    pdf.ln()


def _amounts(label: str, quantity: str, rate: str, figures: dict, currency: str) -> tuple[str, ...]:
    """A row's cells: label, quantity, net, rate, VAT, gross."""
    net, vat, gross = (amount(figures[key], currency) for key in ("net_cents", "vat_cents", "gross_cents"))
    return (label, quantity, net, rate, vat, gross)


def _lines_table(pdf: FPDF, doc: Invoice | CreditNote) -> None:
    pdf.set_font(FONT, "B", 8)
    _row(pdf, tuple(translate(key, doc.language) for key, _width, _align in COLUMNS), 6, "B")
    pdf.set_font(FONT, "", 8)
    for line in doc.lines:
        title = line["title"] + (f" ({line['options']})" if line.get("options") else "")
        _row(pdf, _amounts(title[:60], str(line["quantity"]), f"{line['vat_rate']} %", line, doc.currency))


def _totals(pdf: FPDF, doc: Invoice | CreditNote) -> None:
    lang = doc.language
    pdf.ln(3)
    pdf.set_font(FONT, "B", 8)
    pdf.cell(0, 5, printable(translate("orders.invoice.totals_by_rate", lang)), new_x="LMARGIN", new_y="NEXT")
    pdf.set_font(FONT, "", 8)
    for total in doc.totals:
        _row(pdf, _amounts("", "", f"{total['rate']} %", total, doc.currency))
    pdf.set_font(FONT, "B", 9)
    figures = {"net_cents": doc.net_cents, "vat_cents": doc.vat_cents, "gross_cents": doc.gross_cents}
    _row(pdf, _amounts(translate("orders.invoice.total", lang), "", "", figures, doc.currency), 6, "T")
