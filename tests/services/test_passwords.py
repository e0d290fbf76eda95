"""scrypt password hashes: the stored format, verification, and what is refused."""

import base64

import pytest

from app.services.limits import FailureThrottle
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


def test_throttle_blocks_after_max_failures_and_forgets_after_the_window() -> None:
    now = [1000.0]
    throttle = FailureThrottle(max_failures=3, window_s=60, clock=lambda: now[0], address_factor=2)
    for _ in range(2):
        throttle.fail("pair:ann|ip:1", "ip:1")
    assert throttle.retry_after("pair:ann|ip:1") == 0
    now[0] += 10
    throttle.fail("pair:ann|ip:1", "ip:1")
    assert throttle.retry_after("pair:ann|ip:1") == 50  # the first failure leaves at 1060
    assert throttle.retry_after("pair:bob|ip:1", "ip:1") == 0  # the address allows 2 x 3
    for _ in range(3):
        throttle.fail("pair:bob|ip:1", "ip:1")
    assert throttle.retry_after("pair:carl|ip:1", "ip:1") == 50  # now the address waits too
    assert throttle.retry_after("pair:ann|ip:2", "ip:2") == 0  # another address does not
    now[0] += 50
    assert throttle.retry_after("pair:ann|ip:1") == 0
    throttle.fail("pair:ann|ip:1")
    throttle.clear("pair:ann|ip:1")
    assert throttle.retry_after("pair:ann|ip:1") == 0
