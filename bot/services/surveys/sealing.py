"""Sealing answers held until the survey closes: AES-GCM, one fixed size, key out of the database.

The key is derived (HKDF-SHA256) from the app's signing secret, which lives in the environment,
never in the database or the logs, so reading the holding table shows neither an answer nor,
since every sealed answer has the same length, how long it was. Fernet is not used on purpose:
its tokens carry their creation time in clear.
"""

from __future__ import annotations

import secrets
import struct

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.hashes import SHA256
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from bot.domain.surveys.content import TEXT_LIMIT, AnswerContent
from bot.domain.surveys.items import ItemAnswers, ItemValue
from bot.domain.surveys.questions import MAX_QUESTIONS, MAX_TEXT_QUESTIONS

KEY_INFO = b"kickoff-bot survey holding key v1"
NONCE_BYTES = 12
# A score byte, then three (2-byte length, UTF-8) texts of at most 4 bytes a character; every
# answer is padded to this size before sealing.
PADDED_SIZE = 12_288
assert 1 + 3 * (2 + 4 * TEXT_LIMIT) <= PADDED_SIZE
# Answers to several questions: a tag byte each, a byte a number, (2-byte length, UTF-8) a text;
# padded to the same size, so the holding table does not even tell which kind of survey it is.
NONE, NUMBER, TEXT = 0, 1, 2
assert MAX_QUESTIONS * 2 + MAX_TEXT_QUESTIONS * (2 + 4 * TEXT_LIMIT) <= PADDED_SIZE


def holding_key(signing_secret: str) -> bytes:
    """The 256-bit key pending answers are sealed with, derived from the signing secret."""
    kdf = HKDF(algorithm=SHA256(), length=32, salt=None, info=KEY_INFO)
    return kdf.derive(signing_secret.encode())


def seal(key: bytes, survey_id: int, answer: AnswerContent) -> bytes:
    """The answer encrypted and authenticated for this survey only (nonce + ciphertext)."""
    return _seal_padded(key, survey_id, _encode(answer))


def unseal(key: bytes, survey_id: int, sealed: bytes) -> AnswerContent | None:
    """The answer, or None when it cannot be opened (another key: the secret was rotated)."""
    plain = _open(key, survey_id, sealed)
    return _decode(plain) if plain is not None else None


def seal_items(key: bytes, survey_id: int, answers: ItemAnswers) -> bytes:
    """Answers to several questions, sealed like an eNPS answer and to the same size."""
    return _seal_padded(key, survey_id, b"".join(_encode_item(value) for value in answers))


def unseal_items(key: bytes, survey_id: int, sealed: bytes, count: int) -> ItemAnswers | None:
    """The `count` answers, or None when they cannot be opened (the secret was rotated)."""
    plain = _open(key, survey_id, sealed)
    if plain is None:
        return None
    values: list[ItemValue] = []
    offset = 0
    for _ in range(count):
        tag, offset = plain[offset], offset + 1
        if tag == NUMBER:
            values.append(plain[offset])
            offset += 1
        elif tag == TEXT:
            (length,) = struct.unpack_from(">H", plain, offset)
            values.append(plain[offset + 2:offset + 2 + length].decode())
            offset += 2 + length
        else:
            values.append(None)
    return tuple(values)


def _seal_padded(key: bytes, survey_id: int, encoded: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE_BYTES)
    padded = encoded + bytes(PADDED_SIZE - len(encoded))
    return nonce + AESGCM(key).encrypt(nonce, padded, _survey_label(survey_id))


def _open(key: bytes, survey_id: int, sealed: bytes) -> bytes | None:
    nonce, ciphertext = sealed[:NONCE_BYTES], sealed[NONCE_BYTES:]
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, _survey_label(survey_id))
    except InvalidTag:
        return None


def _encode_item(value: ItemValue) -> bytes:
    if value is None:
        return bytes([NONE])
    if isinstance(value, int):
        return bytes([NUMBER, value])
    data = value.encode()
    return bytes([TEXT]) + struct.pack(">H", len(data)) + data


def _survey_label(survey_id: int) -> bytes:
    return f"survey:{survey_id}".encode()


def _encode(answer: AnswerContent) -> bytes:
    parts = [bytes([answer.score])]
    for text in answer.texts().values():
        data = (text or "").encode()
        parts.append(struct.pack(">H", len(data)) + data)
    return b"".join(parts)


def _decode(plain: bytes) -> AnswerContent:
    score, offset = plain[0], 1
    texts: list[str | None] = []
    for _ in range(3):
        (length,) = struct.unpack_from(">H", plain, offset)
        offset += 2
        texts.append(plain[offset:offset + length].decode() or None)
        offset += length
    return AnswerContent(score=score, changed=texts[0], broken=texts[1], kill=texts[2])
