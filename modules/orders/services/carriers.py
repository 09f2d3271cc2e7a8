"""Carriers as data: each one's tracking link and the shape of its tracking numbers.

A number is kept as the merchant typed it without spaces, upper-cased (carriers print
them with spaces, `1Z 999 AA1 01 2345 6784`). Where a carrier's numbers have a known shape
it is checked, and a number that does not match is refused next to the field with an
example; "other" takes any number and the merchant's own tracking link (https).
"""

import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from orion_app.errors import FieldErrors

CARRIER_FIELD, NUMBER_FIELD, URL_FIELD = "carrier", "tracking_number", "tracking_url"
OTHER = "other"


@dataclass(frozen=True)
class Carrier:
    code: str
    name: str
    url: str  # the tracking page, `{number}` replaced; "" for "other" (the merchant's link)
    pattern: str  # a full match of the cleaned number; "" takes any number
    example: str


CARRIERS: tuple[Carrier, ...] = (
    Carrier(
        "post_lu",
        "POST Luxembourg",
        "https://www.post.lu/en/particuliers/colis-courrier/track-and-trace#/search?code={number}",
        r"[A-Z]{2}\d{9}[A-Z]{2}",  # UPU S10, as POST Luxembourg's parcels carry (CP123456785LU)
        "CP123456785LU",
    ),
    Carrier(
        "dhl",
        "DHL",
        "https://www.dhl.com/lu-en/home/tracking.html?tracking-id={number}",
        r"\d{10}|\d{12}|\d{20}|JJD\d{18}|JVGL\d{16}|[A-Z]{2}\d{9}[A-Z]{2}",
        "1234567890",
    ),
    Carrier(
        "dpd", "DPD", "https://tracking.dpd.de/status/en_US/parcel/{number}", r"\d{14}", "01234567890123"
    ),
    Carrier(
        "gls",
        "GLS",
        "https://gls-group.com/LU/en/parcel-tracking?match={number}",
        r"\d{11,12}|[A-Z0-9]{8}",
        "12345678901",
    ),
    Carrier(
        "ups", "UPS", "https://www.ups.com/track?tracknum={number}", r"1Z[0-9A-Z]{16}", "1Z999AA10123456784"
    ),
    Carrier(OTHER, "", "", "", ""),
)

BY_CODE = {carrier.code: carrier for carrier in CARRIERS}


def clean_number(text: str) -> str:
    return "".join((text or "").split()).upper()


def checked(code: str, number: str, url: str = "") -> tuple[Carrier, str, str]:
    """(carrier, cleaned number, the merchant's link for "other") or FieldErrors next to the
    carrier, the number (with the carrier's example) or the link."""
    carrier = BY_CODE.get((code or "").strip())
    if carrier is None:
        raise FieldErrors({CARRIER_FIELD: "orders.fulfilment.error.carrier"})
    cleaned = clean_number(number)
    if not cleaned or len(cleaned) > 60:
        raise FieldErrors({NUMBER_FIELD: "orders.fulfilment.error.tracking_required"})
    if carrier.pattern and not re.fullmatch(carrier.pattern, cleaned):
        raise FieldErrors(
            {NUMBER_FIELD: "orders.fulfilment.error.tracking_pattern"},
            {NUMBER_FIELD: {"carrier": carrier.name, "example": carrier.example}},
        )
    link = ""
    if carrier.code == OTHER:
        link = (url or "").strip()
        parts = urlsplit(link)
        if parts.scheme != "https" or not parts.netloc or len(link) > 500:
            raise FieldErrors({URL_FIELD: "orders.fulfilment.error.tracking_url"})
    return carrier, cleaned, link


def tracking_link(code: str, number: str, url: str = "") -> str:
    """The page where the parcel is followed ("" when the carrier is unknown)."""
    carrier = BY_CODE.get(code)
    if carrier is None:
        return ""
    if carrier.code == OTHER:
        return url
    return carrier.url.replace("{number}", quote(number, safe=""))


def carrier_name(code: str, other_label: str) -> str:
    carrier = BY_CODE.get(code)
    return (carrier.name or other_label) if carrier else code
