"""scrypt password hashes: the stored format, verification, and what is refused."""

import base64

import pytest

from app.services.passwords import hash_password, verify_password


def test_hash_has_the_documented_format_and_verifies() -> None:
    stored = hash_password("correct horse")
    scheme, n, r, p, salt, digest = stored.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(2**14), "8", "1")
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    assert verify_password("correct horse", stored)
    assert not verify_password("correct horsE", stored)


def test_the_same_password_gets_a_different_salt_each_time() -> None:
    assert hash_password("same password") != hash_password("same password")


@pytest.mark.parametrize("stored", [
    None, "", "plain", "bcrypt$16384$8$1$c2FsdA==$aGFzaA==", "scrypt$x$8$1$c2FsdA==$aGFzaA==",
    "scrypt$16384$8$1$not base64!$aGFzaA==", f"scrypt${2**30}$8$1$c2FsdA==$aGFzaA==",
    "scrypt$1000$8$1$c2FsdA==$aGFzaA==", "scrypt$16384$8$1$c2FsdA==",
])
def test_missing_or_malformed_hashes_never_verify(stored: str | None) -> None:
    assert not verify_password("anything", stored)
