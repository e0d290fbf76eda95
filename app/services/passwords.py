"""Password hashing with the standard library's scrypt: no extra dependency, memory-hard.

Stored as "scrypt$n$r$p$salt_b64$hash_b64", so the cost can be raised later and old hashes
still verify with the parameters they were made with.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from functools import cache

SCHEME = "scrypt"
# n=2**14, r=8, p=1: 16 MiB and ~50 ms per hash, the interactive-login cost RFC 7914 suggests.
N, R, P = 2**14, 8, 1
SALT_BYTES = 16
HASH_BYTES = 32
MAX_MEMORY = 2**28  # bytes (128*n*r): a stored hash may not make one login allocate more


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    # maxmem above the 128*n*r need: OpenSSL's default 32 MiB cap refuses larger settings.
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=128 * n * r * p + 2**20, dklen=HASH_BYTES)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(SALT_BYTES)
    return f"{SCHEME}${N}${R}${P}${_b64(salt)}${_b64(_scrypt(password, salt, N, R, P))}"


def verify_password(password: str, stored: str | None) -> bool:
    """Whether `password` matches `stored`; False for a missing or malformed hash."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, expected = stored.split("$")
        n_, r_, p_ = int(n), int(r), int(p)
        power_of_two = n_ > 1 and n_ & (n_ - 1) == 0  # scrypt's own requirement
        if scheme != SCHEME or not (power_of_two and r_ > 0 and 0 < p_ <= 16
                                    and 128 * n_ * r_ <= MAX_MEMORY):
            return False
        salt_bytes = base64.b64decode(salt, validate=True)
        expected_bytes = base64.b64decode(expected, validate=True)
        actual = _scrypt(password, salt_bytes, n_, r_, p_)
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected_bytes)  # constant time: no early exit on a byte


@cache
def dummy_hash() -> str:
    """Verified against when the username does not exist, so "no such user" takes as long as
    "wrong password" and the timing does not tell which usernames exist."""
    return hash_password(secrets.token_urlsafe(16))
