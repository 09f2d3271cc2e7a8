"""Where issued invoice and credit-note PDFs are kept, and their rendering (and retry).

The PDFs are private: they live in `<media>-private/documents/<store>/<year>/`, beside the
media folder, never inside it (everything in the media folder is served at /_upload).
They are read only through the guarded download routes. Each file's SHA-256 is kept on
its row; a read checks it, so a file changed on disk is never handed out.

Rendering happens in the issuing transaction but cannot fail it: the row (its number
taken) stays with status `render_failed`, and the scheduled job `render_pending_documents`
tries again every 5 minutes until it renders.
"""

import hashlib
import logging
from pathlib import Path

from sqlmodel import Session, select

from modules.orders.models import CreditNote, Invoice
from modules.orders.services.pdf_documents import render_document
from orion_app.settings import get_settings

ISSUED = "issued"
RENDER_FAILED = "render_failed"
log = logging.getLogger(__name__)


def documents_root() -> Path:
    media = get_settings().media_path
    return media.parent / f"{media.name}-private" / "documents"


def render_and_store(session: Session, doc: Invoice | CreditNote) -> bool:
    """Render `doc`'s PDF, write it and record its path and hash; False (status
    render_failed, nothing else touched) when rendering or writing fails."""
    try:
        pdf = render_document(doc, _invoice_number(session, doc))
        relative = Path(str(doc.store_id), str(doc.year), f"{doc.number}.pdf")
        path = documents_root() / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_bytes(pdf)
        temporary.replace(path)
    except Exception:  # any failure of the renderer or the disk: retried by the job
        log.exception("Rendering %s %s failed; the job will retry it.", type(doc).__name__, doc.number)
        doc.status = RENDER_FAILED
        session.add(doc)
        return False
    doc.pdf_path, doc.pdf_sha256, doc.status = str(relative), hashlib.sha256(pdf).hexdigest(), ISSUED
    session.add(doc)
    return True


def read_pdf(doc: Invoice | CreditNote) -> bytes | None:
    """The stored PDF when it is there and unchanged (its hash matches), else None."""
    if doc.status != ISSUED or not doc.pdf_path:
        return None
    path = documents_root() / doc.pdf_path
    if not path.is_file():
        return None
    data = path.read_bytes()
    return data if hashlib.sha256(data).hexdigest() == doc.pdf_sha256 else None


def render_pending(session: Session, limit: int = 200) -> int:
    """Render the documents whose PDF failed before; how many rendered now."""
    rendered = 0
    for kind in (Invoice, CreditNote):
        pending = session.exec(
            select(kind).where(kind.status == RENDER_FAILED).order_by(kind.id).limit(limit)
        )
        for doc in pending.all():
            rendered += render_and_store(session, doc)
    return rendered


def _invoice_number(session: Session, doc: Invoice | CreditNote) -> str:
    if isinstance(doc, CreditNote):
        invoice = session.get(Invoice, doc.invoice_id)
        return invoice.number if invoice else ""
    return ""
