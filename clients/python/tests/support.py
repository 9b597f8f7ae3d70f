"""Shared by the suites that run against a real server (started by tests/integration/python-client.test.ts)."""

import json
import os
import unittest
import urllib.request
from typing import Any, Dict, List, Mapping, Optional, Tuple

BASE_URL = os.environ.get("PM_BASE_URL", "")
API_KEY = os.environ.get("PM_API_KEY", "")  # scope: resolve
WRITE_KEY = os.environ.get("PM_WRITE_KEY", "")  # scopes: prompts:read, prompts:write
READ_KEY = os.environ.get("PM_READ_KEY", "")  # scope: prompts:read (no resolve)
SNAPSHOT = os.environ.get("PM_SNAPSHOT", "")
GOLDEN = os.environ.get("PM_GOLDEN", "")  # answers the live server gave, for the offline suite

needs_server = unittest.skipUnless(BASE_URL and API_KEY, "needs PM_BASE_URL and PM_API_KEY (a running server)")


def call(method: str, path: str, body: Optional[Any] = None, key: str = WRITE_KEY) -> Any:
    """A raw API call (for changes the tests make), independent of the client under test."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE_URL + path, data=data, method=method)
    req.add_header("Authorization", "Bearer " + key)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    with urllib.request.urlopen(req, timeout=10) as res:
        return json.loads(res.read().decode())


def value_for(key: str, variant: int) -> Any:
    """Context values of every shape resolve accepts, varied per case."""
    if key == "recent_messages":
        return [
            [
                {"role": "user", "content": "I keep starting things. Ünïcödé ✓"},
                {
                    "role": "coach",
                    "content": "Let's name that.",
                    "actions": [
                        {"type": "create_identity", "params": {"name": "Starter", "score": 1.0, "ratio": 2.5e-9, "tags": ["a", "b"], "ok": True, "none": None}}
                    ],
                },
            ],
            "Coach: hi\nUser: hello",
            [],
            "   ",
        ][variant % 4]
    if key == "user_notes":
        return ["- likes running\n- 2 kids", "", ["a", "b"], None][variant % 4]
    if key in ("who_you_are", "who_you_want_to_be", "asked_questions"):
        return [["kind", "curious"], "a doer", [], ["x"]][variant % 4]
    if key == "number_of_identities":
        return [3, 3.0, 0.1 + 0.2, "3"][variant % 4]
    if key == "identities":
        return [{"doer": ["Starter"], "n": 1e21}, "none yet", [{"id": "1"}], True][variant % 4]
    return ["%s value {not a placeholder} }}" % key, "Ada", 42, "line1\nline2"][variant % 4]


def golden_cases(snapshot: Mapping[str, Any]) -> List[Dict[str, Any]]:
    """Resolve requests covering every served prompt, both providers and every context shape."""
    cases: List[Dict[str, Any]] = []
    for entry in snapshot["prompts"]:
        p = entry["prompt"]
        keys = list(entry["requiredContextKeys"]) + [part["key"] for part in entry["parts"] if "key" in part]
        for variant in range(4):
            context = {k: value_for(k, variant) for k in keys}
            context = {k: v for k, v in context.items() if v is not None or k not in entry["requiredContextKeys"]}
            if p["phase"] is not None and variant % 2 == 0:
                context["user_notes"] = value_for("user_notes", variant)
                context["recent_messages"] = value_for("recent_messages", variant)
            context = {k: v for k, v in context.items() if v is not None}
            case: Dict[str, Any] = {"context": context, "provider": "anthropic" if variant % 2 else "openai"}
            if p["phase"] is None:
                case["prompt_type"] = p["promptType"]
            else:
                case["phase"] = p["phase"].upper() if variant == 3 else p["phase"]
            cases.append(case)
    return cases


def comparable(result: Any) -> Tuple[Any, ...]:
    return (result.prompt, result.text, result.sections, result.response_format, result.allowed_actions, result.required_context_keys)
