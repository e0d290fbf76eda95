"""Fair-use limits, in memory (one process) and in Redis (several web instances share them)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import pytest
import redis
import redis.asyncio

from app.services.errors import TooManyRequests
from app.services.limits import (
    FailureThrottle,
    PerUserLimit,
    SharedFailureThrottle,
    SharedPerUserLimit,
    Throttle,
)

MakeThrottle = Callable[[Callable[[], float]], Throttle]


@pytest.fixture(params=["memory", "redis"])
def make_throttle(request: pytest.FixtureRequest) -> MakeThrottle:
    if request.param == "memory":
        return lambda clock: FailureThrottle(max_failures=3, window_s=60, clock=clock,
                                             address_factor=2)
    url = request.getfixturevalue("queue_url")
    return lambda clock: SharedFailureThrottle(redis.Redis.from_url(url), max_failures=3,
                                               window_s=60, clock=clock, address_factor=2)


def test_throttle_blocks_after_max_failures_and_forgets_after_the_window(
        make_throttle: MakeThrottle) -> None:
    now = [1000.0]
    throttle = make_throttle(lambda: now[0])
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


def test_two_instances_share_one_redis_throttle(queue_url: str) -> None:
    one, two = (SharedFailureThrottle(redis.Redis.from_url(queue_url), max_failures=2)
                for _ in range(2))
    one.fail("pair:ann|ip:1")
    two.fail("pair:ann|ip:1")
    assert one.retry_after("pair:ann|ip:1") > 0 and two.retry_after("pair:ann|ip:1") > 0


def test_per_user_limit_in_memory() -> None:
    async def scenario() -> None:
        limit = PerUserLimit(1)
        async with limit.hold(7):
            with pytest.raises(TooManyRequests):
                async with limit.hold(7):
                    pass
            async with limit.hold(8):  # another user is not held back
                pass
        async with limit.hold(7):  # released
            pass
    asyncio.run(scenario())


def test_per_user_limit_spans_instances_and_is_released(queue_url: str) -> None:
    async def scenario() -> None:
        one, two = (SharedPerUserLimit(redis.asyncio.Redis.from_url(queue_url), 2)
                    for _ in range(2))
        async with one.hold(7), two.hold(7):
            with pytest.raises(TooManyRequests, match="already have 2"):
                async with two.hold(7):
                    pass
            async with one.hold(8):
                pass
        async with two.hold(7), one.hold(7):  # both released, the refused one too
            pass
        assert int(await one.client.get("mianjing:in-flight:7") or 0) == 0
        await one.client.aclose()
        await two.client.aclose()
    asyncio.run(scenario())
