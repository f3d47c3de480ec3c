"""Held answers are sealed: same size whatever they say, openable only with the app's key and
only for their own survey."""

from __future__ import annotations

from bot.domain.surveys.content import TEXT_LIMIT, AnswerContent
from bot.domain.surveys.items import ItemAnswers
from bot.domain.surveys.templates import enps_questions
from bot.services.surveys.sealing import holding_key, seal_items, unseal_items

KEY = holding_key("a signing secret")
ENPS = enps_questions("How likely are you to recommend this kickoff?")


def seal(key: bytes, survey_id: int, answer: AnswerContent) -> bytes:
    """An eNPS answer sealed as every answer is, one value per question."""
    return seal_items(key, survey_id, answer.items())


def unseal(key: bytes, survey_id: int, sealed: bytes) -> ItemAnswers | None:
    """An eNPS answer opened back (one value per question), or None."""
    return unseal_items(key, survey_id, sealed, ENPS)


def test_a_sealed_answer_opens_with_its_key_for_its_survey_only() -> None:
    answer = AnswerContent(score=9, changed="Talk tracks", broken=None, kill="the Vegas off-site")
    sealed = seal(KEY, 3, answer)
    assert unseal(KEY, 3, sealed) == answer.items()
    assert unseal(KEY, 4, sealed) is None  # moved to another survey
    assert unseal(holding_key("a rotated secret"), 3, sealed) is None
    assert b"Talk tracks" not in sealed


def test_every_sealed_answer_has_the_same_size() -> None:
    longest = "\U0001f600" * TEXT_LIMIT  # 4 bytes a character
    sizes = {len(seal(KEY, 1, AnswerContent(score=0))),
             len(seal(KEY, 1, AnswerContent(score=10, changed=longest, broken=longest,
                                            kill=longest)))}
    assert len(sizes) == 1
    assert unseal(KEY, 1, seal(KEY, 1, AnswerContent(score=5, kill=longest))) == AnswerContent(
        score=5, kill=longest).items()


def test_sealing_twice_gives_different_bytes() -> None:
    answer = AnswerContent(score=7)
    assert seal(KEY, 1, answer) != seal(KEY, 1, answer)  # a fresh nonce each time
