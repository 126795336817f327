"""Similar and duplicate tickets: MinHash over character shingles with LSH buckets.

The index keeps 32 small integers per ticket and a few dictionary entries, so 100,000 tickets fit
in tens of megabytes and a query touches only the tickets that share a bucket with the draft.
Tickets can be added one at a time as the store changes.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt

from app.assistant.models import PastTicket
from app.assistant.text import normalize

SHINGLE = 3
N_HASHES = 32
BANDS = 8  # 8 bands of 4 rows: pairs with Jaccard >= ~0.6 collide with high probability
ROWS = N_HASHES // BANDS
_PRIME = (1 << 61) - 1
_rng = np.random.default_rng(12345)  # fixed: signatures must be comparable across rebuilds
_A = _rng.integers(1, _PRIME, size=N_HASHES, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=N_HASHES, dtype=np.uint64)
# Long letters repeat their point early; shingling the head keeps queries fast.
_HEAD = 600
DUPLICATE_AT = 0.6
SIMILAR_AT = 0.3
RECENT_DAYS = 7


@dataclass(frozen=True)
class Match:
    ticket_id: str
    kind: str  # "duplicate" | "similar" | "same_caller" | "same_address"
    score: float
    reason: str


def signature(text: str) -> npt.NDArray[np.uint32]:
    """MinHash signature of a text's character 3-gram set."""
    t = normalize(text)[:_HEAD]
    grams = {t[i : i + SHINGLE] for i in range(max(1, len(t) - SHINGLE + 1))}
    h = np.fromiter((zlib.crc32(g.encode()) for g in grams), dtype=np.uint64, count=len(grams))
    # (a*h + b) mod 2^61-1 computed in uint64 with wrap-around, then folded to 32 bits: the
    # permutation family need only be fixed and well mixed, not exact modular arithmetic.
    mixed = (h[None, :] * _A[:, None] + _B[:, None]) % np.uint64(_PRIME)
    low: npt.NDArray[np.uint32] = (mixed.min(axis=1) & np.uint64(0xFFFFFFFF)).astype(np.uint32)
    return low


def _bands(sig: npt.NDArray[np.uint32]) -> list[int]:
    return [hash(sig[b * ROWS : (b + 1) * ROWS].tobytes()) ^ b for b in range(BANDS)]


def _phone_key(phone: str) -> str:
    digits = "".join(ch for ch in phone if ch.isdigit())
    return digits[-11:]


def _address_key(address: str) -> str:
    return normalize(address)


class SimilarIndex:
    """In-memory index over past tickets; rebuild at start-up, then :meth:`add` as tickets come."""

    def __init__(self) -> None:
        self._tickets: list[PastTicket] = []
        self._position: dict[str, int] = {}
        self._sigs = np.zeros((0, N_HASHES), dtype=np.uint32)
        self._pending: list[npt.NDArray[np.uint32]] = []
        self._buckets: dict[int, list[int]] = defaultdict(list)
        self._by_phone: dict[str, list[int]] = defaultdict(list)
        self._by_address: dict[str, list[int]] = defaultdict(list)

    def __len__(self) -> int:
        return len(self._tickets)

    def __contains__(self, ticket_id: object) -> bool:
        return ticket_id in self._position

    def add(self, ticket: PastTicket) -> None:
        if ticket.id in self._position:
            raise ValueError(f"ticket {ticket.id} already indexed")
        pos = len(self._tickets)
        self._tickets.append(ticket)
        self._position[ticket.id] = pos
        sig = signature(ticket.text)
        self._pending.append(sig)
        for key in _bands(sig):
            self._buckets[key].append(pos)
        if phone := _phone_key(ticket.caller_phone):
            self._by_phone[phone].append(pos)
        if addr := _address_key(ticket.address):
            self._by_address[addr].append(pos)

    def add_all(self, tickets: Iterable[PastTicket]) -> None:
        for t in tickets:
            self.add(t)

    def ticket(self, ticket_id: str) -> PastTicket:
        return self._tickets[self._position[ticket_id]]

    def _signatures(self) -> npt.NDArray[np.uint32]:
        if self._pending:  # stack new rows lazily: one copy per batch of additions
            self._sigs = np.vstack([self._sigs, *self._pending])
            self._pending = []
        return self._sigs

    def similar_text(self, text: str, *, threshold: float = SIMILAR_AT,
                     limit: int = 5, exclude: str = "") -> list[tuple[PastTicket, float]]:
        """Tickets whose estimated Jaccard similarity to ``text`` is at least ``threshold``."""
        if not normalize(text):
            return []
        sig = signature(text)
        cand = {p for key in _bands(sig) for p in self._buckets.get(key, ())}
        if exclude in self._position:
            cand.discard(self._position[exclude])
        if not cand:
            return []
        idx = np.fromiter(cand, dtype=np.intp, count=len(cand))
        est = (self._signatures()[idx] == sig).mean(axis=1)
        order = np.argsort(-est)[:limit]
        return [(self._tickets[idx[i]], float(est[i])) for i in order if est[i] >= threshold]

    def matches(
        self,
        text: str,
        *,
        phone: str = "",
        address: str = "",
        category: str = "",
        now: datetime | None = None,
        exclude: str = "",
        limit: int = 5,
    ) -> list[Match]:
        """Near-duplicates, similar tickets, the same caller's tickets, same address+category."""
        out: dict[str, Match] = {}
        for t, score in self.similar_text(text, limit=limit, exclude=exclude):
            kind = "duplicate" if score >= DUPLICATE_AT else "similar"
            out[t.id] = Match(t.id, kind, score, f"文本相似度 {score:.0%}")
        if key := _phone_key(phone):
            caller = [self._tickets[p] for p in self._by_phone.get(key, ())]
            # Open tickets first, then newest: what the agent must know about this caller.
            caller.sort(key=lambda t: (t.status == "已办结", -t.created_at.timestamp()))
            for t in caller[:limit]:
                if t.id != exclude and t.id not in out:
                    out[t.id] = Match(t.id, "same_caller", 1.0, "同一来电号码")
        if (key := _address_key(address)) and category:
            since = (now or datetime.now()) - timedelta(days=RECENT_DAYS)
            for p in self._by_address.get(key, ()):
                t = self._tickets[p]
                if (t.category == category and t.created_at >= since and t.id != exclude
                        and t.id not in out):
                    out[t.id] = Match(t.id, "same_address", 0.9,
                                      f"同一地址、同一类别，{RECENT_DAYS} 天内")
        return list(out.values())
