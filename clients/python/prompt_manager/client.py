"""PromptManager: resolve prompts from a Prompt Manager server."""

import os
import threading
from typing import Any, Callable, Dict, Mapping, Optional

from ._http import request_json
from .cache import ResolveCache, cache_key
from .errors import PromptManagerError, ServerError, ServiceUnavailable
from .events import ChangeEvent, EventStream
from .result import ResolveResult
from .snapshot import Snapshot


class PromptManager:
    """A client for one server. Create one per process at start-up and share it: it is thread-safe,
    and with ``cache=True`` it keeps one event stream open for its whole life.

    :param base_url: e.g. ``"https://prompts.example.com"``.
    :param api_key: a key with the ``resolve`` scope.
    :param timeout: seconds per request before it counts as unreachable.
    :param cache: keep answers in memory, dropped as soon as the server announces a change
        (``GET /api/events`` on a background daemon thread); ``cache_ttl`` bounds an entry's life
        while that stream is down, ``live_cache_ttl`` while it is up.
    :param snapshot_path: a file written by ``npm run prompts:snapshot``; when the server cannot be
        reached (or answers 5xx) resolve answers from it, marked ``from_snapshot=True``.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        timeout: float = 2.0,
        cache: bool = False,
        snapshot_path: "Optional[os.PathLike[str] | str]" = None,
        *,
        cache_ttl: float = 60.0,
        live_cache_ttl: float = 600.0,
        cache_max_entries: int = 1000,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self.timeout = timeout
        self._snapshot_path = snapshot_path
        self._snapshot: Optional[Snapshot] = None
        self._snapshot_mtime: Optional[float] = None
        self._snapshot_lock = threading.Lock()
        self._cache: Optional[ResolveCache] = None
        self._events: Optional[EventStream] = None
        if cache:
            self._cache = ResolveCache(cache_ttl, live_cache_ttl, cache_max_entries)
            self._events = EventStream(self.base_url, api_key, self._cache.on_event, self._cache.on_state)

    def resolve(
        self,
        phase: Optional[str] = None,
        context: Optional[Mapping[str, Any]] = None,
        version: Optional[int] = None,
        channel: Optional[str] = None,
        prompt_type: Optional[str] = None,
        provider: Optional[str] = None,
    ) -> ResolveResult:
        """``POST /api/resolve``. Raises a PromptManagerError subclass (``MissingContext``,
        ``NoActivePrompt``, …); serves the snapshot instead when the server cannot answer."""
        body: Dict[str, Any] = {"context": dict(context or {})}
        for name, value in (
            ("phase", phase),
            ("version", version),
            ("channel", channel),
            ("promptType", prompt_type),
            ("provider", provider),
        ):
            if value is not None:
                body[name] = value
        key = cache_key(body) if self._cache is not None else ""
        if self._cache is not None:
            hit = self._cache.get(key)
            if hit is not None:
                return hit
        generation = self._cache.generation() if self._cache is not None else 0
        try:
            answer, headers = request_json(self.base_url, self._api_key, "POST", "/api/resolve", body, self.timeout)
        except (ServiceUnavailable, ServerError) as error:
            fallback = self._from_snapshot(phase, context, version, channel, prompt_type, provider)
            if fallback is None:
                raise
            return fallback
        result = ResolveResult.from_json(answer, server_cache=headers.get("x-prompt-cache"))
        if self._cache is not None:
            self._cache.put(key, result, generation)
        return result

    def _from_snapshot(self, *args: Any) -> Optional[ResolveResult]:
        snapshot = self.snapshot()
        return snapshot.resolve(*args) if snapshot else None

    def snapshot(self) -> Optional[Snapshot]:
        """The fallback snapshot, (re)read when its file changed; None without one. A missing or
        unreadable file counts as no snapshot (the caller then gets the server's error)."""
        if self._snapshot_path is None:
            return None
        with self._snapshot_lock:
            try:
                mtime = os.stat(self._snapshot_path).st_mtime
                if self._snapshot is None or mtime != self._snapshot_mtime:
                    self._snapshot = Snapshot.load(self._snapshot_path)
                    self._snapshot_mtime = mtime
            except (OSError, ValueError):
                if self._snapshot is None:
                    return None
            return self._snapshot

    def subscribe(
        self,
        on_event: Callable[[ChangeEvent], None],
        on_state: Optional[Callable[[bool], None]] = None,
        last_event_id: str = "",
    ) -> EventStream:
        """Follows ``GET /api/events`` on a daemon thread of its own: ``on_event`` gets every
        ``prompt.changed``, ``action.changed`` and ``resync`` (on that thread), across reconnects,
        from ``last_event_id`` on when given. ``close()`` on the returned stream stops it."""
        return EventStream(self.base_url, self._api_key, on_event, on_state, last_event_id=last_event_id)

    @property
    def events_connected(self) -> bool:
        """Whether the cache's event stream is connected now (False without ``cache=True``)."""
        return bool(self._events and self._events.connected)

    def clear_cache(self) -> None:
        if self._cache is not None:
            self._cache.clear()

    def close(self) -> None:
        """Stops the event stream (the client stays usable; the cache then relies on its TTL)."""
        if self._events:
            self._events.close()
            self._events = None
            if self._cache is not None:
                self._cache.live = False

    def __enter__(self) -> "PromptManager":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


__all__ = ["PromptManager", "PromptManagerError"]
