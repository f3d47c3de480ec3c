"""Messages in flight: the rate times Slack's answer time, within the most allowed, cut by 429s."""

from __future__ import annotations

from scheduler.concurrency import Concurrency


def test_in_flight_follows_littles_law_within_the_most() -> None:
    width = Concurrency(most=32, latency_guess=0.15, cut=0.7)
    assert width.width(20.0) == 6  # 20/s x 0.15 s x 1.5 headroom, rounded up, plus one
    assert width.width(1000.0) == 32
    assert width.width(0.1) == 2


def test_a_429_cuts_the_width_and_answers_bring_it_back_gradually() -> None:
    width = Concurrency(most=20, latency_guess=1.0, cut=0.5)
    width.throttled()
    assert width.width(100.0) == 10
    for _ in range(30):
        width.answered(1.0)
    assert 10 < width.width(100.0) < 20
    for _ in range(400):
        width.answered(1.0)
    assert width.width(100.0) == 20


def test_the_answer_time_is_learned() -> None:
    width = Concurrency(most=64, latency_guess=0.25, cut=0.7)
    for _ in range(50):
        width.answered(1.0)
    assert width.width(10.0) == 16  # 10/s x ~1 s x 1.5, plus one
