"""Secrets at rest (e.g. SMTP passwords): Fernet tokens, keys from `ORION_ENCRYPTION_KEYS`.

`ORION_ENCRYPTION_KEYS` holds one or more Fernet keys, comma-separated; the first encrypts,
all decrypt (MultiFernet), so a key is rotated by putting the new one first. Production
MUST set it. When unset (development), a key is made once in `.run/encryption.key` (mode 0600)
and used by every process of this checkout. Make a key with
`python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`.
"""

import os
from functools import lru_cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from orion_app.settings import PROJECT_ROOT

KEY_FILE = PROJECT_ROOT / ".run" / "encryption.key"

__all__ = ["InvalidToken", "decrypt", "encrypt"]


def _development_key() -> bytes:
    KEY_FILE.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(KEY_FILE, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return KEY_FILE.read_bytes().strip()
    key = Fernet.generate_key()
    with os.fdopen(fd, "wb") as out:
        out.write(key)
    return key


@lru_cache
def _fernet() -> MultiFernet:
    keys = [k.strip() for k in os.environ.get("ORION_ENCRYPTION_KEYS", "").split(",") if k.strip()]
    return MultiFernet([Fernet(k) for k in keys] if keys else [Fernet(_development_key())])


def encrypt(secret: str) -> str:
    """The secret as a Fernet token ("" stays "")."""
    return _fernet().encrypt(secret.encode("utf-8")).decode("ascii") if secret else ""


def decrypt(token: str) -> str:
    """The secret back; InvalidToken when no configured key made it."""
    return _fernet().decrypt(token.encode("ascii")).decode("utf-8") if token else ""


def reset_keys() -> None:
    """Forget the cached keys (tests change ORION_ENCRYPTION_KEYS)."""
    _fernet.cache_clear()
