"""Rebuilds resolve's answer from a snapshot entry, exactly as the server's assembly does it.

The snapshot (``npm run prompts:snapshot``) holds what the server prepares once per prompt version:
the parsed template, the actions section per provider and the response format. What is left is the
per-request work of ``lib/domain/assembly/assemble.ts`` (``assemblePrepared``), mirrored here line for
line: missing keys, user notes, the body rendered, actions, the recent conversation, in that order.
The test suite compares the two on the same inputs.
"""

import json
import math
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

from .errors import InvalidTemplate, MissingContext

USER_NOTES_HEADING = "## User notes"
RECENT_MESSAGES_HEADING = "## Recent conversation"
SECTION_SEPARATOR = "\n\n"
_SPEAKERS = {"user": "**User:**", "coach": "**Coach:**"}
# JavaScript's String.prototype.trim() whitespace (Python's str.strip() lacks U+FEFF).
_JS_WHITESPACE = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def js_number(value: float) -> str:
    """A number as JavaScript's ``String(n)`` writes it (``3.0`` is ``"3"``, ``1e-7`` is ``"1e-7"``).

    Python's repr and JavaScript pick the same shortest digits; only the layout differs (ECMAScript
    Number::toString: plain for 1e-7 <= |n| < 1e21, exponent otherwise).
    """
    if isinstance(value, int):
        return str(value)
    if value == 0:
        return "0"
    sign, digit_tuple, exp = Decimal(repr(float(value))).as_tuple()
    digits = "".join(str(d) for d in digit_tuple).rstrip("0") or "0"
    exp = int(exp) + (len(digit_tuple) - len(digits))
    k = len(digits)
    n = k + exp  # value = 0.<digits> * 10**n
    prefix = "-" if sign else ""
    if k <= n <= 21:
        return prefix + digits + "0" * (n - k)
    if 0 < n <= 21:
        return prefix + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return prefix + "0." + "0" * (-n) + digits
    e = n - 1
    mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
    return "%s%se%s%d" % (prefix, mantissa, "+" if e > 0 else "-", abs(e))


def js_json(value: Any) -> str:
    """``JSON.stringify(value)``: compact, non-ASCII kept, numbers as JavaScript writes them."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, (int, float)):
        return js_number(value) if math.isfinite(value) else "null"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Mapping):
        return "{%s}" % ",".join("%s:%s" % (json.dumps(str(k), ensure_ascii=False), js_json(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "[%s]" % ",".join(js_json(v) for v in value)
    return json.dumps(str(value), ensure_ascii=False)


def format_value(value: Any) -> str:
    """How a context value becomes text (``formatValue`` in lib/domain/template/render.ts)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return js_number(value)
    if isinstance(value, (list, tuple)) and all(isinstance(item, str) for item in value):
        return ", ".join(value)
    return js_json(value)


def has_value(context: Mapping[str, Any], key: str) -> bool:
    return key in context and context[key] is not None


def is_turn_list(value: Any) -> bool:
    return isinstance(value, (list, tuple)) and all(
        isinstance(turn, dict) and "role" in turn and "content" in turn for turn in value
    )


def render_conversation(turns: Sequence[Mapping[str, Any]]) -> str:
    entries: List[str] = []
    for turn in turns:
        entries.append("%s\n%s" % (_SPEAKERS.get(str(turn["role"]), str(turn["role"])), turn["content"]))
        for action in turn.get("actions") or ():
            entries.append("**Action:**\n%s: %s" % (action["type"], js_json(action["params"])))
    return "%s\n\n%s" % (RECENT_MESSAGES_HEADING, "\n".join(entries))


def _context_section(heading: str, context: Mapping[str, Any], key: str) -> Optional[str]:
    if not has_value(context, key):
        return None
    value = format_value(context[key])
    return None if value.strip(_JS_WHITESPACE) == "" else "%s\n%s" % (heading, value)


def _conversation_section(context: Mapping[str, Any]) -> Optional[str]:
    value: Any = context.get("recent_messages")
    if is_turn_list(value):
        return render_conversation(value) if len(value) > 0 else None
    return _context_section(RECENT_MESSAGES_HEADING, context, "recent_messages")


def assemble(
    entry: Mapping[str, Any],
    system_context: Optional[str],
    context: Mapping[str, Any],
    provider: str,
) -> Tuple[str, List[Tuple[str, str]]]:
    """The text and (kind, text) sections resolve answers for a snapshot entry and a context."""
    error = entry.get("error")
    if error:
        raise InvalidTemplate(error.get("message", "Invalid template"), status=422, details=error.get("details"))
    parts: List[Dict[str, str]] = entry["parts"]
    keys: List[str] = []
    for part in parts:
        if "key" in part and part["key"] not in keys:
            keys.append(part["key"])
    missing = sorted({k for k in list(entry["requiredContextKeys"]) + keys if not has_value(context, k)})
    if missing:
        raise MissingContext(
            "Missing context keys: %s" % ", ".join(missing), status=422, details={"missing": missing}
        )
    filled: Dict[str, Any] = dict(context)
    turns: Any = filled.get("recent_messages")
    if is_turn_list(turns) and len(turns) > 0:
        filled["recent_messages"] = render_conversation(turns)
    placed = set(keys)
    notes = None if "user_notes" in placed else _context_section(USER_NOTES_HEADING, filled, "user_notes")
    body = "".join(part["text"] if "text" in part else format_value(filled[part["key"]]) for part in parts)
    action_parts: List[str] = []
    if entry.get("actionsText"):
        action_parts.append(entry["actionsText"][provider])
    if provider == "anthropic":
        action_parts.append(entry["schemaText"])
    actions = SECTION_SEPARATOR.join(action_parts)
    if entry.get("sentinel"):
        candidates = [("body", body), ("user_notes", notes), ("actions", actions)]
    else:
        conversation = None if "recent_messages" in placed else _conversation_section(context)
        candidates = [
            ("system_context", system_context),
            ("user_notes", notes),
            ("body", body),
            ("actions", actions),
            ("recent_messages", conversation),
        ]
    sections = [(kind, text) for kind, text in candidates if text is not None and text.strip(_JS_WHITESPACE) != ""]
    return SECTION_SEPARATOR.join(text for _, text in sections), sections
