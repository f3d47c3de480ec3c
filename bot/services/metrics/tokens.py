"""API tokens for `POST /api/v1/metrics`: one program each, an expiry, revocable.

The secret is shown once, when created; only its SHA-256 is stored. A presented token is
hashed, looked up by that hash and compared with it in constant time (`hmac.compare_digest`).
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.errors import InvalidInput, NotFound
from db.models import ApiToken, Program

PREFIX = "kbm_"
NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
MAX_DAYS = 366


@dataclass(frozen=True)
class NewToken:
    """A token just created: its row and the secret, which is never shown again."""

    token: ApiToken
    secret: str


def token_hash(secret: str) -> str:
    """The stored form of a secret."""
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(
    *, session: Session, program: Program, name: str, days: int, now: datetime
) -> NewToken:
    """A new token for `program` named `name`, valid for `days` days."""
    if not NAME.match(name):
        raise InvalidInput(f"token name {name!r}: use 1-40 lower-case letters, digits, - or _")
    if not 1 <= days <= MAX_DAYS:
        raise InvalidInput(f"a token is valid for 1 to {MAX_DAYS} days, not {days}")
    if _named(session, program, name) is not None:
        raise InvalidInput(f"{program.name!r} already has a token named {name!r}")
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(program_id=program.id, name=name, token_hash=token_hash(secret),
                     expires_at=now + timedelta(days=days), created_at=now)
    session.add(token)
    session.flush()
    return NewToken(token, secret)


def list_tokens(*, session: Session, program: Program) -> list[ApiToken]:
    """The program's tokens, revoked and expired ones too, by name."""
    return list(session.scalars(
        select(ApiToken).where(ApiToken.program_id == program.id).order_by(ApiToken.name)))


def revoke_token(*, session: Session, program: Program, name: str, now: datetime) -> ApiToken:
    """Revoke the program's token `name` (at once: the next call with it gets 401)."""
    token = _named(session, program, name)
    if token is None:
        raise NotFound(f"{program.name!r} has no token named {name!r}")
    if token.revoked_at is None:
        token.revoked_at = now
    return token


def valid_token(
    *, session: Session, secret: str, program_ref: str, now: datetime
) -> ApiToken | None:
    """The token `secret` is, if it is live and scoped to the program `program_ref` names (its
    id or name); None otherwise, whatever the reason, so a caller learns nothing."""
    presented = token_hash(secret)
    token = session.scalars(select(ApiToken).where(ApiToken.token_hash == presented)).first()
    if token is None or not hmac.compare_digest(token.token_hash, presented):
        return None
    if token.revoked_at is not None or token.expires_at <= now:
        return None
    program = session.get_one(Program, token.program_id)
    return token if program_ref in (str(program.id), program.name) else None


def _named(session: Session, program: Program, name: str) -> ApiToken | None:
    return session.scalars(select(ApiToken).where(
        ApiToken.program_id == program.id, ApiToken.name == name)).first()
