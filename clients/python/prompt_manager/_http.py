"""One JSON exchange over urllib (standard library only)."""

import json
import socket
import urllib.error
import urllib.request
from typing import Any, Dict, Optional, Tuple

from .errors import PromptManagerError, ServerError, Unreachable, error_for

USER_AGENT = "prompt-manager-python/0.1"


def request_json(
    base_url: str,
    api_key: str,
    method: str,
    path: str,
    body: Optional[Any],
    timeout: float,
) -> Tuple[Any, Dict[str, str]]:
    """Sends one request; returns (parsed JSON, lower-cased headers) or raises a PromptManagerError."""
    data = None if body is None else json.dumps(body).encode("utf-8")
    req = urllib.request.Request(base_url.rstrip("/") + path, data=data, method=method)
    req.add_header("Accept", "application/json")
    req.add_header("User-Agent", USER_AGENT)
    if api_key:
        req.add_header("Authorization", "Bearer %s" % api_key)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            raw = res.read()
            headers = {k.lower(): v for k, v in res.headers.items()}
    except urllib.error.HTTPError as e:
        raise _api_error(e) from None
    except (socket.timeout, TimeoutError) as e:
        raise Unreachable("No answer from %s within %ss" % (base_url, timeout), code="timeout") from e
    except (urllib.error.URLError, ConnectionError, OSError) as e:
        reason = getattr(e, "reason", e)
        code = "timeout" if isinstance(reason, (socket.timeout, TimeoutError)) else "network"
        raise Unreachable("Cannot reach %s: %s" % (base_url, reason), code=code) from e
    try:
        return json.loads(raw.decode("utf-8")), headers
    except ValueError:
        raise ServerError("The server answered something that is not JSON", code="bad_response", status=200) from None


def _api_error(e: "urllib.error.HTTPError") -> PromptManagerError:
    request_id = e.headers.get("x-request-id") if e.headers else None
    try:
        payload = json.loads(e.read().decode("utf-8"))
        err = payload.get("error") or {}
        return error_for(err.get("code"), e.code, str(err.get("message", "HTTP %d" % e.code)), err.get("details"), request_id)
    except (ValueError, AttributeError, OSError):
        return error_for(None, e.code, "HTTP %d without an API error body" % e.code, None, request_id)
