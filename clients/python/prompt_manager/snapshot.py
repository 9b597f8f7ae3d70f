"""The fallback: what production served when ``npm run prompts:snapshot -- FILE`` ran."""

import json
import os
from typing import Any, Dict, List, Mapping, Optional

from .assemble import assemble
from .errors import InvalidRequest, NoActivePrompt
from .result import ResolveResult, Section

#: Snapshot layouts this client reads (``formatVersion`` in the file).
SUPPORTED_FORMAT_VERSIONS = (1,)


class Snapshot:
    """A loaded snapshot file; ``resolve`` answers as the server did when the file was written."""

    def __init__(self, data: Mapping[str, Any]) -> None:
        version = data.get("formatVersion")
        if version not in SUPPORTED_FORMAT_VERSIONS:
            raise ValueError(
                "Snapshot format %r is not supported by this client (it reads %s): update the client"
                % (version, ", ".join(str(v) for v in SUPPORTED_FORMAT_VERSIONS))
            )
        self.generated_at: str = str(data.get("generatedAt", ""))
        self._phase_names: Dict[str, str] = dict(data.get("phaseNames") or {})
        self._phases = set(self._phase_names.values())
        self._context_keys = set(data.get("contextKeys") or ())
        self._system_context_phase: str = str(data.get("systemContextPhase", "system_context"))
        self._prompts: List[Mapping[str, Any]] = list(data.get("prompts") or ())

    @staticmethod
    def load(path: "os.PathLike[str] | str") -> "Snapshot":
        with open(path, encoding="utf-8") as f:
            return Snapshot(json.load(f))

    def _phase(self, phase: str) -> str:
        wanted = phase.strip().lower()
        for name, value in self._phase_names.items():
            if value == wanted or name.lower() == wanted:
                return value
        raise InvalidRequest('Unknown coaching phase "%s"' % phase, status=400, details={"phase": phase})

    def _served(self, phase: Optional[str], prompt_type: Optional[str]) -> Optional[Mapping[str, Any]]:
        found = [
            p
            for p in self._prompts
            if p["prompt"]["phase"] == phase and (prompt_type is None or p["prompt"]["promptType"] == prompt_type)
        ]
        return max(found, key=lambda p: int(p["prompt"]["version"])) if found else None

    def resolve(
        self,
        phase: Optional[str] = None,
        context: Optional[Mapping[str, Any]] = None,
        version: Optional[int] = None,
        channel: Optional[str] = None,
        prompt_type: Optional[str] = None,
        provider: Optional[str] = None,
    ) -> Optional[ResolveResult]:
        """The answer, or None when the snapshot cannot know it (a staging channel, a pinned version
        other than the one production served)."""
        if channel not in (None, "production"):
            return None
        provider = provider or "openai"
        if provider not in ("openai", "anthropic"):
            raise InvalidRequest('provider must be "openai" or "anthropic"', status=400)
        context = dict(context or {})
        unknown = sorted(k for k in context if k not in self._context_keys)
        if unknown:
            raise InvalidRequest(
                "Unknown context keys: %s" % ", ".join(unknown), status=400, details={"unknownKeys": unknown}
            )
        if phase is None and prompt_type is None:
            raise InvalidRequest('Give a phase, or a promptType for prompts without a phase (e.g. "sentinel")', status=400)
        value = self._phase(phase) if phase is not None else None
        entry = self._served(value, prompt_type)
        if entry is None:
            where = "phase %s" % value if value else "prompts without a phase of type %s" % prompt_type
            raise NoActivePrompt("No active prompt for %s" % where, status=404)
        if version is not None and int(entry["prompt"]["version"]) != version:
            return None
        system = None
        if value is not None and value != self._system_context_phase:
            framing = self._served(self._system_context_phase, None)
            system = framing["body"] if framing else None
        text, sections = assemble(entry, system, context, provider)
        return ResolveResult.from_json(
            {
                "prompt": entry["prompt"],
                "text": text,
                "sections": [{"kind": k, "text": t} for k, t in sections],
                "responseFormat": entry["responseFormat"],
                "allowedActions": entry["allowedActions"],
                "requiredContextKeys": entry["requiredContextKeys"],
            },
            from_snapshot=True,
        )


__all__ = ["Snapshot", "Section"]
