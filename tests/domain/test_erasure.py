"""Scrubbing a person's name and words out of stored text and JSON keeps every number."""

from __future__ import annotations

from bot.domain.erasure import ERASED, mentions, pattern_of, scrub, without_ids


def test_names_and_words_go_numbers_and_keys_stay() -> None:
    pattern = pattern_of(["Ana Lima", "ana@example.com", "UANA", None, "ok"])
    numbers = {"managers": [{"name": "Ana Lima", "done": 3, "due": 4}],
               "note": "ANA LIMA wrote to ana@example.com", "UANA": 7}

    assert scrub(numbers, pattern) == {
        "managers": [{"name": ERASED, "done": 3, "due": 4}],
        "note": f"{ERASED} wrote to {ERASED}", "UANA": 7}
    assert mentions(numbers, pattern)
    assert not mentions({"name": "Ben Ode", "ok": "ok"}, pattern)  # too short to match: "ok"


def test_an_id_leaves_a_list_of_ids_only() -> None:
    assert without_ids([3, 7, 9], {7}) == [3, 9]
    assert without_ids({"7": 7}, {7}) == {"7": 7}
    assert pattern_of([None, "", "ab"]) is None
