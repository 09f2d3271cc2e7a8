"""The Factur-X (EN 16931, BASIC profile) XML of an invoice or credit note, built with lxml.

UN/CEFACT Cross Industry Invoice D16B, the syntax Factur-X and ZUGFeRD share. BASIC carries
every line, the per-rate VAT breakdown and the totals: what EN 16931 requires, without the
optional detail of the full profile. Credit notes are type 381 and name the invoice they
correct. Amounts are written from the document's integer cents, never recomputed.
"""

from decimal import Decimal

from lxml import etree

from modules.orders.models import CreditNote, Invoice

RSM = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
RAM = "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
UDT = "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"
QDT = "urn:un:unece:uncefact:data:standard:QualifiedDataType:100"
NSMAP = {"rsm": RSM, "ram": RAM, "udt": UDT, "qdt": QDT}
BASIC = "urn:cen.eu:en16931:2017#compliant#urn:factur-x.eu:1p0:basic"

# VAT category (UNTDID 5305) per legal mention, for 0 % lines; taxed lines are "S".
ZERO_RATE_CATEGORY = {"reverse_charge": "AE", "export": "G"}
EXEMPTION_REASON = {
    "reverse_charge": "Reverse charge (Art. 196 Directive 2006/112/EC)",
    "export": "Export outside the EU (Art. 146 Directive 2006/112/EC)",
}


def money(cents: int) -> str:
    return f"{Decimal(cents) / 100:.2f}"


def document_xml(doc: Invoice | CreditNote, invoice_number: str = "") -> bytes:
    """The CII XML of `doc`; a credit note also names `invoice_number`, the invoice it corrects."""
    credit = isinstance(doc, CreditNote)
    root = etree.Element(etree.QName(RSM, "CrossIndustryInvoice"), nsmap=NSMAP)
    context = _sub(root, RSM, "ExchangedDocumentContext")
    _sub(_sub(context, RAM, "GuidelineSpecifiedDocumentContextParameter"), RAM, "ID", BASIC)

    header = _sub(root, RSM, "ExchangedDocument")
    _sub(header, RAM, "ID", doc.number)
    _sub(header, RAM, "TypeCode", "381" if credit else "380")
    issued = _sub(header, RAM, "IssueDateTime")
    _sub(issued, UDT, "DateTimeString", doc.issued_at.strftime("%Y%m%d")).set("format", "102")
    if doc.legal_mention in EXEMPTION_REASON:
        _sub(_sub(header, RAM, "IncludedNote"), RAM, "Content", EXEMPTION_REASON[doc.legal_mention])

    transaction = _sub(root, RSM, "SupplyChainTradeTransaction")
    for position, line in enumerate(doc.lines, start=1):
        _line(transaction, position, line, doc.legal_mention)
    agreement = _sub(transaction, RAM, "ApplicableHeaderTradeAgreement")
    _party(agreement, "SellerTradeParty", doc.seller)
    _party(agreement, "BuyerTradeParty", doc.buyer)
    _sub(transaction, RAM, "ApplicableHeaderTradeDelivery")
    _settlement(transaction, doc, invoice_number if credit else "")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _sub(parent: etree._Element, ns: str, tag: str, text: str | None = None) -> etree._Element:
    element = etree.SubElement(parent, etree.QName(ns, tag))
    if text is not None:
        element.text = text
    return element


def _category(rate: str, mention: str) -> str:
    return "S" if Decimal(rate) > 0 else ZERO_RATE_CATEGORY.get(mention, "Z")


def _tax(parent: etree._Element, rate: str, mention: str) -> None:
    tax = _sub(parent, RAM, "ApplicableTradeTax")
    _sub(tax, RAM, "TypeCode", "VAT")
    _sub(tax, RAM, "CategoryCode", _category(rate, mention))
    _sub(tax, RAM, "RateApplicablePercent", str(rate))


def _line(transaction: etree._Element, position: int, line: dict, mention: str) -> None:
    item = _sub(transaction, RAM, "IncludedSupplyChainTradeLineItem")
    _sub(_sub(item, RAM, "AssociatedDocumentLineDocument"), RAM, "LineID", str(position))
    _sub(_sub(item, RAM, "SpecifiedTradeProduct"), RAM, "Name", line["title"] or "-")
    agreement = _sub(item, RAM, "SpecifiedLineTradeAgreement")
    unit_net = Decimal(line["net_cents"]) / 100 / line["quantity"]
    price = _sub(agreement, RAM, "NetPriceProductTradePrice")
    _sub(price, RAM, "ChargeAmount", f"{unit_net:.4f}")
    delivery = _sub(item, RAM, "SpecifiedLineTradeDelivery")
    _sub(delivery, RAM, "BilledQuantity", str(line["quantity"])).set("unitCode", "C62")
    settlement = _sub(item, RAM, "SpecifiedLineTradeSettlement")
    _tax(settlement, line["vat_rate"], mention)
    summation = _sub(settlement, RAM, "SpecifiedTradeSettlementLineMonetarySummation")
    _sub(summation, RAM, "LineTotalAmount", money(line["net_cents"]))


def _party(agreement: etree._Element, tag: str, party: dict) -> None:
    element = _sub(agreement, RAM, tag)
    _sub(element, RAM, "Name", party.get("company") or party.get("name") or "-")
    if party.get("registration_number"):
        legal = _sub(element, RAM, "SpecifiedLegalOrganization")
        _sub(legal, RAM, "ID", party["registration_number"])
    address = _sub(element, RAM, "PostalTradeAddress")
    if party.get("postal_code"):
        _sub(address, RAM, "PostcodeCode", party["postal_code"])
    if party.get("line1"):
        _sub(address, RAM, "LineOne", party["line1"])
    if party.get("line2"):
        _sub(address, RAM, "LineTwo", party["line2"])
    if party.get("city"):
        _sub(address, RAM, "CityName", party["city"])
    _sub(address, RAM, "CountryID", party.get("country") or "LU")
    if party.get("vat_number"):
        registration = _sub(element, RAM, "SpecifiedTaxRegistration")
        _sub(registration, RAM, "ID", party["vat_number"]).set("schemeID", "VA")


def _settlement(transaction: etree._Element, doc: Invoice | CreditNote, invoice_number: str) -> None:
    settlement = _sub(transaction, RAM, "ApplicableHeaderTradeSettlement")
    _sub(settlement, RAM, "InvoiceCurrencyCode", doc.currency)
    for total in doc.totals:
        tax = _sub(settlement, RAM, "ApplicableTradeTax")
        _sub(tax, RAM, "CalculatedAmount", money(total["vat_cents"]))
        _sub(tax, RAM, "TypeCode", "VAT")
        if Decimal(total["rate"]) == 0 and doc.legal_mention in EXEMPTION_REASON:
            _sub(tax, RAM, "ExemptionReason", EXEMPTION_REASON[doc.legal_mention])
        _sub(tax, RAM, "BasisAmount", money(total["net_cents"]))
        _sub(tax, RAM, "CategoryCode", _category(total["rate"], doc.legal_mention))
        _sub(tax, RAM, "RateApplicablePercent", str(total["rate"]))
    if doc.payment_terms:
        terms = _sub(settlement, RAM, "SpecifiedTradePaymentTerms")
        _sub(terms, RAM, "Description", doc.payment_terms)
    summation = _sub(settlement, RAM, "SpecifiedTradeSettlementHeaderMonetarySummation")
    _sub(summation, RAM, "LineTotalAmount", money(doc.net_cents))
    _sub(summation, RAM, "TaxBasisTotalAmount", money(doc.net_cents))
    _sub(summation, RAM, "TaxTotalAmount", money(doc.vat_cents)).set("currencyID", doc.currency)
    _sub(summation, RAM, "GrandTotalAmount", money(doc.gross_cents))
    _sub(summation, RAM, "TotalPrepaidAmount", money(doc.gross_cents))  # issued once paid
    _sub(summation, RAM, "DuePayableAmount", "0.00")
    if invoice_number:
        reference = _sub(settlement, RAM, "InvoiceReferencedDocument")
        _sub(reference, RAM, "IssuerAssignedID", invoice_number)
