"""Follows ``GET /api/events`` (Server-Sent Events) on a background daemon thread."""

import json
import random
import socket
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional

from ._http import USER_AGENT

KNOWN_EVENTS = ("prompt.changed", "action.changed", "resync")


@dataclass(frozen=True)
class ChangeEvent:
    """``prompt.changed`` (data: phase, promptType, channel, version), ``action.changed``
    (data: actionType) or ``resync`` (drop everything cached)."""

    type: str
    id: str
    data: Dict[str, Any] = field(default_factory=dict)


class EventStream:
    """Reconnects forever with backoff and ``Last-Event-ID`` (missed events are replayed, or a
    ``resync`` says they cannot be) until ``close()``.

    ``on_state(True)`` is called when the stream is (re)connected and ``on_state(False)`` when it is
    lost, so a cache can fall back on its TTL meanwhile. ``read_timeout`` must exceed the server's
    heartbeat interval (15 s): a silent connection is taken for dead after it.
    """

    def __init__(
        self,
        base_url: str,
        api_key: str,
        on_event: Callable[[ChangeEvent], None],
        on_state: Optional[Callable[[bool], None]] = None,
        *,
        last_event_id: str = "",
        read_timeout: float = 45.0,
        min_retry: float = 0.25,
        max_retry: float = 10.0,
    ) -> None:
        self._url = base_url.rstrip("/") + "/api/events"
        self._api_key = api_key
        self._on_event = on_event
        self._on_state = on_state
        self.last_event_id = last_event_id
        self._read_timeout = read_timeout
        self._min_retry = min_retry
        self._max_retry = max_retry
        self._stop = threading.Event()
        self._response: Any = None
        self.connected = False
        self._thread = threading.Thread(target=self._run, name="prompt-manager-events", daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stop.set()
        # Closing the response here would wait for the reader thread's blocked read (up to a
        # heartbeat); shutting the socket down ends that read at once.
        sock = getattr(getattr(getattr(self._response, "fp", None), "raw", None), "_sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        self._set_state(False)

    def _set_state(self, up: bool) -> None:
        if self.connected == up:
            return
        # The callback runs before the flag flips: whoever sees `connected` sees its effects too.
        if self._on_state:
            self._on_state(up)
        self.connected = up

    def _run(self) -> None:
        failures = 0
        while not self._stop.is_set():
            try:
                self._once()
                failures = 0
            except Exception:  # network errors, HTTP errors, a dropped stream: all mean "reconnect"
                failures += 1
            self._set_state(False)
            if self._stop.is_set():
                return
            delay = min(self._max_retry, self._min_retry * (2 ** min(failures, 16)))
            self._stop.wait(delay * (0.8 + random.random() * 0.4))

    def _once(self) -> None:
        req = urllib.request.Request(self._url, method="GET")
        req.add_header("Accept", "text/event-stream")
        req.add_header("User-Agent", USER_AGENT)
        req.add_header("Cache-Control", "no-store")
        if self._api_key:
            req.add_header("Authorization", "Bearer %s" % self._api_key)
        if self.last_event_id:
            req.add_header("Last-Event-ID", self.last_event_id)
        response = urllib.request.urlopen(req, timeout=self._read_timeout)
        self._response = response
        try:
            if self._stop.is_set():
                return
            self._set_state(True)
            self._read(response)
        finally:
            self._response = None
            response.close()

    def _read(self, response: Any) -> None:
        # The WHATWG parsing rules, for the line ends our server sends (LF; CRLF tolerated).
        pending_id = self.last_event_id
        event = ""
        data: List[str] = []
        while not self._stop.is_set():
            raw = response.readline()
            if not raw:
                return  # the server closed the stream
            line = raw.decode("utf-8").rstrip("\r\n")
            if line == "":
                self.last_event_id = pending_id
                if data:
                    self._dispatch(event or "message", "\n".join(data))
                event, data = "", []
                continue
            if line.startswith(":"):
                continue
            name, _, value = line.partition(":")
            if value.startswith(" "):
                value = value[1:]
            if name == "event":
                event = value
            elif name == "data":
                data.append(value)
            elif name == "id" and "\0" not in value:
                pending_id = value

    def _dispatch(self, event: str, data: str) -> None:
        if event not in KNOWN_EVENTS:
            return
        try:
            payload = json.loads(data) if data else {}
        except ValueError:
            payload = {}
        self._on_event(ChangeEvent(type=event, id=self.last_event_id, data=payload if isinstance(payload, dict) else {}))
