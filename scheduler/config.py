"""How the dispatcher paces, batches and retries; tests and benchmarks pass faster values."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DispatchConfig:
    """Dispatcher tuning: Slack's per-channel limit, an assumed workspace rate (which a 429
    lowers), and how the pipeline claims, sends and writes back."""

    # Per workspace, shared by every process: the ceiling the shared token bucket refills at.
    # Slack does not quantify its workspace-wide limit for chat.postMessage; this is an
    # assumption (README: "How fast it sends"), and a 429 brings the rate down from it.
    per_minute: float = 1200.0
    channel_interval: float = 1.0  # seconds between two messages in one channel (Slack: ~1/s)
    horizon: float = 10.0  # claim only what the pace lets go out within this many seconds
    batch_size: int = 100  # rows claimed per transaction
    lanes: int = 16  # the most messages in flight at once (Little's law picks fewer)
    lease_margin: float = 120.0  # seconds a claim outlives its last planned send
    retry_backoff: float = 1.0  # first wait after an uncertain attempt, doubling, capped at 60 s
    rate_cut: float = 0.7  # after a 429: the rate and the concurrency times this
    rate_climb: float = 0.1  # then, each second, the rate climbs back by this share of the ceiling
    rate_floor: float = 0.1  # the rate never falls below this share of the ceiling
    latency_guess: float = 0.25  # seconds per Slack call assumed until some are measured
    record_every: int = 50  # outcomes written back per transaction while sending
