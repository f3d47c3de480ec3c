"""Sealing answers held until the survey closes: AES-GCM, one fixed size, key out of the database.

The key is derived (HKDF-SHA256) from the app's signing secret, which lives in the environment,
never in the database or the logs, so reading the holding table shows neither an answer nor,
since every sealed answer has the same length, how long it was. Fernet is not used on purpose:
its tokens carry their creation time in clear.
"""

from __future__ import annotations

import secrets
import struct
from collections.abc import Sequence

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.domain.surveys.content import TEXT_LIMIT
from bot.domain.surveys.items import ItemAnswers, ItemValue
from bot.domain.surveys.questions import MAX_QUESTIONS, MAX_TEXT_QUESTIONS, Question

KEY_INFO = b"kickoff-bot survey holding key v1"
NONCE_BYTES = 12
# One person's answers, one after the other in the questions' order: a byte a number, a 2-byte
# length and UTF-8 a text (length 0: left empty). The questions tell which is which, so nothing
# else is stored; an eNPS answer is its score then its three texts, the layout answers held
# before every survey was stored per question had, so those still open after the upgrade.
# Every answer is padded to one size before sealing: the holding table tells neither how long
# an answer was nor which kind of survey it belongs to.
PADDED_SIZE = 12_288
assert MAX_QUESTIONS + MAX_TEXT_QUESTIONS * (2 + 4 * TEXT_LIMIT) <= PADDED_SIZE


def holding_key(signing_secret: str) -> bytes:
    """The 256-bit key pending answers are sealed with, derived from the signing secret."""
    kdf = HKDF(algorithm=SHA256(), length=32, salt=None, info=KEY_INFO)
    return kdf.derive(signing_secret.encode())


def seal_items(key: bytes, survey_id: int, answers: ItemAnswers) -> bytes:
    """One person's answers (one per question) encrypted and authenticated for this survey only
    (nonce + ciphertext), always of the same size."""
    encoded = b"".join(_encode_item(value) for value in answers)
    nonce = secrets.token_bytes(NONCE_BYTES)
    padded = encoded + bytes(PADDED_SIZE - len(encoded))
    return nonce + AESGCM(key).encrypt(nonce, padded, _survey_label(survey_id))


def unseal_items(
    key: bytes, survey_id: int, sealed: bytes, questions: Sequence[Question]
) -> ItemAnswers | None:
    """The answers to these questions, or None when they cannot be opened (another key: the
    secret was rotated; another survey's label)."""
    nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        plain = AESGCM(key).decrypt(nonce, ciphertext, _survey_label(survey_id))
    except InvalidTag:
        return None
    values: list[ItemValue] = []
    offset = 0
    for question in questions:
        if question.is_scale:
            values.append(plain[offset])
            offset += 1
            continue
        (length,) = struct.unpack_from(">H", plain, offset)
        values.append(plain[offset + 2:offset + 2 + length].decode() or None)
        offset += 2 + length
    return tuple(values)


def _encode_item(value: ItemValue) -> bytes:
    if isinstance(value, int):
        return bytes([value])
    data = (value or "").encode()
    return struct.pack(">H", len(data)) + data


def _survey_label(survey_id: int) -> bytes:
    return f"survey:{survey_id}".encode()
