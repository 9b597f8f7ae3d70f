"""The typed answer of resolve."""

from dataclasses import dataclass, field
from typing import Any, Dict, Mapping, Optional, Tuple


@dataclass(frozen=True)
class PromptInfo:
    """Which prompt version served: ``phase`` is None for phase-less prompts (the sentinel)."""

    id: str
    phase: Optional[str]
    version: int
    name: Optional[str]
    prompt_type: str


@dataclass(frozen=True)
class Section:
    """One part of the assembled text: ``system_context``, ``user_notes``, ``body``, ``actions`` or ``recent_messages``."""

    kind: str
    text: str


@dataclass(frozen=True)
class ResolveResult:
    """What ``POST /api/resolve`` answers; ``from_snapshot`` is True when the server could not be
    reached and the answer was built from the snapshot file instead."""

    prompt: PromptInfo
    text: str
    sections: Tuple[Section, ...]
    response_format: Dict[str, Any]
    allowed_actions: Tuple[str, ...] = ()
    required_context_keys: Tuple[str, ...] = ()
    from_snapshot: bool = False
    #: The server's ``X-Prompt-Cache`` header (``hit``/``miss``/``stale``); None from the snapshot.
    server_cache: Optional[str] = field(default=None, compare=False)

    @staticmethod
    def from_json(
        body: Mapping[str, Any], *, from_snapshot: bool = False, server_cache: Optional[str] = None
    ) -> "ResolveResult":
        p = body["prompt"]
        return ResolveResult(
            prompt=PromptInfo(
                id=str(p["id"]),
                phase=p.get("phase"),
                version=int(p["version"]),
                name=p.get("name"),
                prompt_type=str(p["promptType"]),
            ),
            text=str(body["text"]),
            sections=tuple(Section(kind=str(s["kind"]), text=str(s["text"])) for s in body["sections"]),
            response_format=dict(body.get("responseFormat") or {}),
            allowed_actions=tuple(body.get("allowedActions") or ()),
            required_context_keys=tuple(body.get("requiredContextKeys") or ()),
            from_snapshot=from_snapshot,
            server_cache=server_cache,
        )
