"""The mails orders sends; their texts are in `emails/<name>/` (en, fr, de, lb).

`lines` and `vat_lines` are rows separated by new lines, cells by tabs (the templates
split them), so an editor's preview with stand-in values still renders. `invoice_link` is
the invoice's direct download (signed by the order's status token), empty before the
invoice is issued (the templates then leave the line out).
"""

from modules.messaging.public import MessageKind

CONFIRMATION = "orders.confirmation"

KINDS = (
    MessageKind(
        code=CONFIRMATION,
        variables=(
            "number",
            "lines",
            "subtotal",
            "shipping",
            "shipping_label",
            "vat_lines",
            "total",
            "payment_method",
            "iban",
            "bic",
            "beneficiary",
            "reference",
            "status_link",
            "invoice_link",
        ),
    ),
)

SHIPPED = "orders.shipped"  # a parcel left: its lines and the carrier's tracking link

KINDS += (
    MessageKind(
        code=SHIPPED,
        variables=(
            "number",
            "lines",
            "carrier",
            "tracking_number",
            "tracking_link",
            "complete",
            "status_link",
            "invoice_link",
        ),
    ),
)
