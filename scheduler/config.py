"""How the dispatcher paces, batches and retries; tests and benchmarks pass faster values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DispatchConfig:
    """Dispatcher tuning. The defaults keep well within Slack's documented limits."""

    per_minute: float = 300.0  # per workspace: Slack allows several hundred messages a minute
    channel_interval: float = 1.0  # seconds between two messages in one channel (Slack: ~1/s)
    horizon: float = 10.0  # claim only what the pace lets go out within this many seconds
    batch_size: int = 100  # rows claimed per transaction
    lanes: int = 8  # concurrent senders; one channel always stays on one lane, in order
    lease_margin: float = 120.0  # seconds a claim outlives its last planned send
    retry_backoff: float = 1.0  # first wait after an uncertain attempt, doubling, capped at 60 s
