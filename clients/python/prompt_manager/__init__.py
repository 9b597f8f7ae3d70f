"""Python client for Prompt Manager (standard library only).

    from prompt_manager import PromptManager
    pm = PromptManager("http://localhost:3000", api_key, cache=True, snapshot_path="prompts-snapshot.json")
    result = pm.resolve(phase="introduction", context={"user_name": "Ada"})
    print(result.text)
"""

from .client import PromptManager
from .errors import (
    Conflict,
    Forbidden,
    InvalidRequest,
    InvalidTemplate,
    MissingContext,
    NoActivePrompt,
    NotFound,
    PayloadTooLarge,
    PromptManagerError,
    RateLimited,
    ServerError,
    ServiceUnavailable,
    Unauthenticated,
    Unreachable,
    VersionNotFound,
)
from .events import ChangeEvent, EventStream
from .result import PromptInfo, ResolveResult, Section
from .snapshot import Snapshot

__version__ = "0.1.0"

__all__ = [
    "ChangeEvent",
    "Conflict",
    "EventStream",
    "Forbidden",
    "InvalidRequest",
    "InvalidTemplate",
    "MissingContext",
    "NoActivePrompt",
    "NotFound",
    "PayloadTooLarge",
    "PromptInfo",
    "PromptManager",
    "PromptManagerError",
    "RateLimited",
    "ResolveResult",
    "Section",
    "ServerError",
    "ServiceUnavailable",
    "Snapshot",
    "Unauthenticated",
    "Unreachable",
    "VersionNotFound",
]
