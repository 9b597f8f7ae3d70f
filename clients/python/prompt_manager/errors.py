"""One exception class per error code of the API (``{"error": {"code", "message", "details"}}``)."""

from typing import Any, Dict, List, Optional, Type


class PromptManagerError(Exception):
    """Every failed call raises a subclass of this: the API's error, or what went wrong on the way.

    ``code`` is the API's error code (``"missing_context"``…) or, for failures that never got an
    answer, ``"network"``, ``"timeout"`` or ``"bad_response"``; ``status`` is the HTTP status (0 when
    no answer came back).
    """

    code: str = "internal"

    def __init__(
        self,
        message: str,
        *,
        code: Optional[str] = None,
        status: int = 0,
        details: Any = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.status = status
        self.details = details
        self.request_id = request_id

    def __repr__(self) -> str:
        return "%s(code=%r, status=%r, message=%r)" % (type(self).__name__, self.code, self.status, self.message)


class InvalidRequest(PromptManagerError):
    code = "invalid_request"


class Unauthenticated(PromptManagerError):
    code = "unauthenticated"


class Forbidden(PromptManagerError):
    code = "forbidden"


class NotFound(PromptManagerError):
    code = "not_found"


class NoActivePrompt(NotFound):
    code = "no_active_prompt"


class VersionNotFound(NotFound):
    code = "version_not_found"


class Conflict(PromptManagerError):
    code = "conflict"


class PayloadTooLarge(PromptManagerError):
    code = "payload_too_large"


class InvalidTemplate(PromptManagerError):
    code = "invalid_template"


class MissingContext(PromptManagerError):
    """The context lacks keys the prompt needs; ``missing`` lists every one of them, sorted."""

    code = "missing_context"

    @property
    def missing(self) -> List[str]:
        details = self.details if isinstance(self.details, dict) else {}
        return [str(k) for k in details.get("missing", [])]


class RateLimited(PromptManagerError):
    code = "rate_limited"


class ServerError(PromptManagerError):
    """The server failed (500) or answered something that is not the API's JSON."""

    code = "internal"


class ServiceUnavailable(PromptManagerError):
    """The server cannot serve now: its database is down (503 ``db_unavailable``)."""

    code = "db_unavailable"


class Unreachable(ServiceUnavailable):
    """No answer: connection refused, DNS, timeout (``code`` is ``"network"`` or ``"timeout"``)."""

    code = "network"


_BY_CODE: Dict[str, Type[PromptManagerError]] = {
    cls.code: cls
    for cls in (
        InvalidRequest,
        Unauthenticated,
        Forbidden,
        NotFound,
        NoActivePrompt,
        VersionNotFound,
        Conflict,
        PayloadTooLarge,
        InvalidTemplate,
        MissingContext,
        RateLimited,
        ServerError,
        ServiceUnavailable,
    )
}
_BY_CODE.update({"immutable_field": Conflict, "review_required": Conflict, "checks_failed": Conflict})

_BY_STATUS: Dict[int, Type[PromptManagerError]] = {
    400: InvalidRequest,
    401: Unauthenticated,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    413: PayloadTooLarge,
    422: InvalidRequest,
    429: RateLimited,
    503: ServiceUnavailable,
}


def error_for(
    code: Optional[str], status: int, message: str, details: Any = None, request_id: Optional[str] = None
) -> PromptManagerError:
    """The exception for an API error answer (unknown codes fall back on the status)."""
    cls = _BY_CODE.get(code or "") or _BY_STATUS.get(status) or (ServerError if status >= 500 else PromptManagerError)
    return cls(message, code=code or cls.code, status=status, details=details, request_id=request_id)
