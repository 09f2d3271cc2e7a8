"""Password hashing shared by every kind of account (staff users, shoppers): argon2id."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

MIN_PASSWORD_LENGTH = 10
_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# The hash of a password nobody knows, with _hasher's parameters: an unknown or disabled
# account is checked against it, so its refusal costs the same argon2 run as a wrong password.
DUMMY_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$4TRdcYyQGQYo1KEtgi1lVg$bPdAOXhQvQd3E0IwY/hv/2bsjCT8SdgH6hZGU94tTjo"
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches; a missing hash is checked against DUMMY_HASH (same cost)."""
    try:
        return _hasher.verify(password_hash or DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


def is_too_short(password: str) -> bool:
    return len(password) < MIN_PASSWORD_LENGTH
