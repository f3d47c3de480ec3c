"""`kickoff-bot api-token create|list|revoke PROGRAM ...`: the bearer tokens of
`POST /api/v1/metrics`, one program each (only their hash is stored; the secret is shown once)."""

from __future__ import annotations

import argparse
from datetime import datetime
from typing import Any

from bot.cli.runtime import Runtime
from bot.services.metrics.tokens import create_token, list_tokens, revoke_token
from bot.settings import Settings
from db.models import ApiToken


def add_parser(subparsers: Any) -> None:
    """Register `api-token` and its actions."""
    parser = subparsers.add_parser("api-token", help="tokens for POST /api/v1/metrics")
    actions = parser.add_subparsers(dest="token_command", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="a new token for one program (shown once)")
    create.add_argument("program", metavar="PROGRAM", help="program name or id")
    create.add_argument("name", metavar="NAME", help="what the token is for, e.g. crm-sync")
    create.add_argument("--days", type=int, default=90, help="valid for (default 90, at most 366)")
    create.set_defaults(run=run_create)
    listing = actions.add_parser("list", help="a program's tokens and their state")
    listing.add_argument("program", metavar="PROGRAM", help="program name or id")
    listing.set_defaults(run=run_list)
    revoke = actions.add_parser("revoke", help="revoke a token at once")
    revoke.add_argument("program", metavar="PROGRAM", help="program name or id")
    revoke.add_argument("name", metavar="NAME", help="the token's name")
    revoke.set_defaults(run=run_revoke)


def run_create(args: argparse.Namespace, settings: Settings) -> int:
    """Create a token and print its secret, once."""
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, args.program)
        new = create_token(session=session, program=program, name=args.name, days=args.days,
                           now=runtime.clock.now())
        expires = new.token.expires_at
    print(f"token {args.name!r} for {program.name!r} (program {program.id}), valid until "
          f"{expires:%Y-%m-%d %H:%M} UTC. Keep it now; it is not shown again:\n{new.secret}")
    return 0


def run_list(args: argparse.Namespace, settings: Settings) -> int:
    """Print the program's tokens: name, state, created, expiry."""
    runtime = Runtime(settings)
    now = runtime.clock.now()
    with runtime.session_factory() as session:
        program = runtime.program(session, args.program)
        tokens = list_tokens(session=session, program=program)
        lines = [_line(token, now) for token in tokens]
    print("\n".join(lines) if lines else f"{program.name!r} has no API tokens")
    return 0


def run_revoke(args: argparse.Namespace, settings: Settings) -> int:
    """Revoke a token."""
    runtime = Runtime(settings)
    with runtime.session_factory.begin() as session:
        program = runtime.program(session, args.program)
        revoke_token(session=session, program=program, name=args.name, now=runtime.clock.now())
    print(f"token {args.name!r} of {program.name!r} revoked")
    return 0


def _line(token: ApiToken, now: datetime) -> str:
    state = ("revoked" if token.revoked_at is not None
             else "expired" if token.expires_at <= now else "live")
    return (f"{token.name}: {state}, created {token.created_at:%Y-%m-%d}, expires "
            f"{token.expires_at:%Y-%m-%d %H:%M} UTC")
