"""The client-side resolve cache, kept fresh by change events."""

import json
import threading
import time
from collections import OrderedDict
from typing import Any, Callable, Optional, Tuple

from .events import ChangeEvent
from .result import ResolveResult

SYSTEM_CONTEXT_PHASE = "system_context"


def cache_key(request: Any) -> str:
    return json.dumps(request, sort_keys=True, separators=(",", ":"), default=str)


class ResolveCache:
    """Answers by request, least recently used dropped first; failures are never cached.

    While the event stream is up an entry lives ``live_ttl`` seconds and is dropped as soon as an
    event says what it holds changed; while the stream is down it lives ``ttl`` (the fallback).
    Entries are filed under the phase that served them, so a change of one phase drops only that
    phase's answers (and those of phase-less prompts).
    """

    def __init__(self, ttl: float, live_ttl: float, max_entries: int, clock: Callable[[], float] = time.monotonic):
        self._ttl = ttl
        self._live_ttl = live_ttl
        self._max = max_entries
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: "OrderedDict[str, Tuple[float, Optional[str], ResolveResult]]" = OrderedDict()
        self._generation = 0
        self.live = False

    def get(self, key: str) -> Optional[ResolveResult]:
        with self._lock:
            hit = self._entries.get(key)
            if hit is None:
                return None
            loaded, _phase, result = hit
            if self._clock() - loaded >= (self._live_ttl if self.live else self._ttl):
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return result

    def generation(self) -> int:
        """Taken before a request is sent: an answer is kept only if nothing was dropped meanwhile."""
        with self._lock:
            return self._generation

    def put(self, key: str, result: ResolveResult, generation: int) -> None:
        with self._lock:
            if generation != self._generation:
                return  # a change arrived while the request was in flight: its answer may be old
            self._entries[key] = (self._clock(), result.prompt.phase, result)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max:
                self._entries.popitem(last=False)

    def invalidate_phase(self, phase: Optional[str]) -> None:
        # The system context frames every phase's answer, and a phase-less change is rare: drop all.
        if phase is None or phase == SYSTEM_CONTEXT_PHASE:
            return self.clear()
        with self._lock:
            self._generation += 1
            for key in [k for k, (_, p, _r) in self._entries.items() if p is None or p == phase]:
                del self._entries[key]

    def clear(self) -> None:
        with self._lock:
            self._generation += 1
            self._entries.clear()

    def on_event(self, event: ChangeEvent) -> None:
        if event.type == "prompt.changed":
            self.invalidate_phase(event.data.get("phase"))
        else:  # action.changed (any phase may allow the action), resync
            self.clear()

    def on_state(self, connected: bool) -> None:
        # Answers cached while the stream was down may have missed events: start over on (re)connect.
        if connected and not self.live:
            self.clear()
        self.live = connected

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
