"""What every listener needs besides the Slack payload, carried in Bolt's context."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import App, BoltContext
from sqlalchemy.orm import Session, sessionmaker

from bot.clock import Clock
from bot.features.spec import Registry
from bot.settings import Settings


@dataclass(frozen=True)
class Deps:
    """The settings, the session factory (listeners open their own unit of work), the clock and
    the feature registry (help lines, planners for "send me a test")."""

    settings: Settings
    session_factory: sessionmaker[Session]
    clock: Clock
    registry: Registry


def install_deps(app: App, deps: Deps) -> None:
    """Put `deps` into every request's context."""

    @app.middleware
    def inject_deps(context: BoltContext, next: Callable[[], Any]) -> Any:
        context["deps"] = deps
        return next()


def deps_of(context: BoltContext) -> Deps:
    """The Deps that `install_deps` put into this request's context."""
    deps = context["deps"]
    assert isinstance(deps, Deps)
    return deps
