"""The guest status link's token: only its SHA-256 is compared (the token itself is sealed
with the deployment's encryption key, to be put in later mails)."""

import hashlib
import secrets

from orion_app.crypto import decrypt, encrypt


def new_token() -> tuple[str, str, str]:
    """(token, its hash, the token sealed)."""
    token = secrets.token_urlsafe(24)
    return token, token_hash(token), encrypt(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def unseal(sealed: str) -> str:
    return decrypt(sealed)
