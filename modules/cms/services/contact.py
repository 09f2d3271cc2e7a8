"""The platform site's contact form: checked, rate limited per client address, a honeypot
for bots, and sent through messaging to the platform's contact address."""

from dataclasses import dataclass

from sqlmodel import Session

from modules.messaging.public import send_message
from orion_app.enablement import module_config
from orion_app.errors import FieldErrors, ServiceError
from orion_app.ratelimit import Limit, is_blocked, record_hit
from orion_app.validation import is_email

MAX_MESSAGE = 5000


@dataclass(frozen=True)
class ContactInput:
    name: str
    email: str
    message: str
    website: str = ""  # the honeypot field: people never see it, bots fill it
    lang: str = "en"


def contact_limit(platform_id: int, session: Session | None = None) -> Limit:
    config = module_config("cms", platform_id, session)
    return Limit("cms_contact", config.contact_max_per_hour, 3600)


def send_contact(session: Session, platform_id: int, data: ContactInput, client: str) -> bool:
    """Send the message to the platform's contact address (True), or pretend to for a bot
    that filled the honeypot (False: nothing sent). Bad fields are refused next to them."""
    limit = contact_limit(platform_id, session)
    subject = f"{platform_id}:{client}"
    if is_blocked(limit, subject):
        raise ServiceError("cms.contact.error.too_many")
    errors = {}
    name, email, message = data.name.strip(), data.email.strip(), data.message.strip()
    if not name or len(name) > 120 or "\n" in name or "\r" in name:
        errors["name"] = "cms.contact.error.name"
    if not is_email(email) or len(email) > 254:
        errors["email"] = "cms.contact.error.email"
    if len(message) < 10 or len(message) > MAX_MESSAGE:
        errors["message"] = "cms.contact.error.message"
    if errors:
        raise FieldErrors(errors)
    record_hit(limit, subject)
    if data.website.strip():
        return False
    recipient = module_config("cms", platform_id, session).contact_email
    if not recipient:
        raise ServiceError("cms.contact.error.no_address")
    send_message(
        session,
        kind="cms.contact",
        to_email=recipient,
        language=data.lang,
        platform_id=platform_id,
        context={"sender_name": name, "sender_email": email, "message": message},
    )
    session.commit()
    return True
