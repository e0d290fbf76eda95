"""Pure scheduling (app/review.py): fixed UTC datetimes, fuzzing off, exact due dates."""

from datetime import UTC, datetime, timedelta

import pytest

from app.domain import scheduling as review
from app.domain.scheduling import CodeOutcome, Rating, State

START = datetime(2026, 1, 1, tzinfo=UTC)


def run(grades: list[str], retention: float = 0.9) -> list[review.Reviewed]:
    """Review one new card at START, then each time exactly when it falls due."""
    scheduler = review.make_scheduler(retention, fuzzing=False)
    card, when, results = review.new_card(1, START), START, []
    for index, grade in enumerate(grades):
        result = review.review(scheduler, card, review.RATING_BY_GRADE[grade], when,
                               is_new=index == 0)
        results.append(result)
        card, when = result.card, result.card.due
    return results


def test_good_good_again_good_from_new_year() -> None:
    results = run(["good", "good", "again", "good"])
    assert [r.card.due for r in results] == [
        datetime(2026, 1, 1, 0, 10, tzinfo=UTC),  # learning step 2: 10 minutes
        datetime(2026, 1, 3, 0, 10, tzinfo=UTC),  # graduates: 2 days
        datetime(2026, 1, 3, 0, 20, tzinfo=UTC),  # lapse: relearning step, 10 minutes
        datetime(2026, 1, 4, 0, 20, tzinfo=UTC),  # back to review: 1 day
    ]
    assert [r.state_before for r in results] == [review.NEW_STATE, 1, 2, 3]
    assert [r.card.state for r in results] == [
        State.Learning, State.Review, State.Relearning, State.Review
    ]
    assert results[1].card.stability == pytest.approx(2.3065)
    assert results[3].card.stability == pytest.approx(0.6597976, rel=1e-6)


def test_easy_graduates_at_once_and_again_restarts_learning() -> None:
    easy, again = run(["easy"]), run(["again"])
    assert easy[0].card.state == State.Review
    assert easy[0].card.due == datetime(2026, 1, 9, tzinfo=UTC)
    assert again[0].card.due == START + timedelta(minutes=1)


def test_lower_desired_retention_means_longer_intervals() -> None:
    strict, relaxed = run(["good", "good"], 0.95), run(["good", "good"], 0.8)
    assert relaxed[-1].card.due > strict[-1].card.due


def test_naive_datetimes_are_refused() -> None:
    scheduler = review.make_scheduler(fuzzing=False)
    with pytest.raises(ValueError):
        review.review(scheduler, review.new_card(1, START), Rating.Good,
                      START.replace(tzinfo=None), is_new=True)


def test_retrievability_is_one_right_after_review_and_falls_with_time() -> None:
    scheduler = review.make_scheduler(fuzzing=False)
    card = run(["good", "good"])[-1].card
    assert review.retrievability(scheduler, card, card.last_review) == pytest.approx(1.0)
    later = review.retrievability(scheduler, card, card.last_review + timedelta(days=30))
    assert 0 < later < 0.9
    assert review.retrievability(scheduler, review.new_card(2, START), START) == 0


def test_card_dict_round_trip() -> None:
    card = run(["good", "good", "again"])[-1].card
    assert review.card_from_dict(review.card_to_dict(card)) == card


def outcome(passed: bool = True, failures: int = 0, seconds: float | None = 300,
            revealed: bool = False) -> CodeOutcome:
    return CodeOutcome(passed=passed, failures_before_pass=failures, seconds=seconds,
                       time_limit_s=900, revealed=revealed)


@pytest.mark.parametrize(("case", "expected"), [
    (outcome(passed=False, failures=3), Rating.Again),  # never passed
    (outcome(revealed=True), Rating.Again),  # passed, but after reading the solution
    (outcome(failures=2), Rating.Hard),  # several failed runs first
    (outcome(seconds=901), Rating.Hard),  # slower than the limit
    (outcome(failures=1, seconds=100), Rating.Good),  # one slip, then in time
    (outcome(seconds=300), Rating.Good),  # first try, in time, exactly a third: not easy
    (outcome(seconds=299), Rating.Easy),  # first try in under a third of the limit
    (outcome(seconds=None), Rating.Good),  # time not measured: never easy
])
def test_suggested_rating_rules(case: CodeOutcome, expected: Rating) -> None:
    assert review.suggest_rating(case) == expected


def test_code_outcome_counts_failures_before_the_first_pass() -> None:
    runs = [("failed", 60.0, False), ("error", 90.0, False), ("passed", 120.0, False)]
    assert review.code_outcome(runs, 900) == CodeOutcome(True, 2, 120.0, 900, False)
    assert review.code_outcome([("timeout", 50.0, True)], 900) == CodeOutcome(
        False, 1, 50.0, 900, True
    )
    assert review.code_outcome([], 900).passed is False


def test_a_failing_run_after_a_pass_is_not_solved() -> None:
    """Graded right after a failed run, the suggestion is `again`, whatever came before."""
    runs = [("passed", 60.0, False), ("failed", 200.0, False)]
    assert review.code_outcome(runs, 900).passed is False
    assert review.suggest_rating(review.code_outcome(runs, 900)) == Rating.Again
