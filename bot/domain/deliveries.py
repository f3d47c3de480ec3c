"""A page of outbox rows, as the shell and the admin's home list them."""

from __future__ import annotations

from dataclasses import dataclass

from db.models import Delivery


@dataclass(frozen=True)
class DeliveryPage:
    """Some deliveries, newest due first; `more` says others matched but were left out."""

    rows: list[Delivery]
    more: bool
