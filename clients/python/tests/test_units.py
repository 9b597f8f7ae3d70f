"""No server needed: number formatting, the cache's reaction to events, the snapshot's format check."""

import unittest

from prompt_manager import Snapshot
from prompt_manager.assemble import format_value, js_json, js_number
from prompt_manager.cache import ResolveCache
from prompt_manager.events import ChangeEvent
from prompt_manager.result import PromptInfo, ResolveResult


def result(phase):  # type: ignore[no-untyped-def]
    return ResolveResult(PromptInfo("id", phase, 1, None, "coach"), "t", (), {})


class FormattingTest(unittest.TestCase):
    def test_numbers_as_javascript_writes_them(self) -> None:
        cases = {3.0: "3", 1.5: "1.5", 1e-7: "1e-7", 1e-6: "0.000001", 1e21: "1e+21", 1e16: "10000000000000000", -2.5e-9: "-2.5e-9", 0.1 + 0.2: "0.30000000000000004", 7: "7"}
        for value, text in cases.items():
            self.assertEqual(js_number(value), text, value)

    def test_values(self) -> None:
        self.assertEqual(format_value(["a", "b"]), "a, b")
        self.assertEqual(format_value(True), "true")
        self.assertEqual(js_json({"a": [1.0, "é"], "b": None}), '{"a":[1,"é"],"b":null}')


class CacheTest(unittest.TestCase):
    def test_events_drop_what_they_affect(self) -> None:
        now = [0.0]
        cache = ResolveCache(ttl=10, live_ttl=100, max_entries=10, clock=lambda: now[0])
        cache.on_state(True)
        for key, phase in (("a", "introduction"), ("b", "identity_warm_up"), ("c", None)):
            cache.put(key, result(phase), cache.generation())
        cache.on_event(ChangeEvent("prompt.changed", "1", {"phase": "introduction", "channel": "production"}))
        self.assertEqual((cache.get("a"), cache.get("b") is not None, cache.get("c")), (None, True, None))
        cache.on_event(ChangeEvent("prompt.changed", "2", {"phase": "system_context"}))
        self.assertEqual(len(cache), 0)
        cache.put("b", result("identity_warm_up"), cache.generation())
        cache.on_event(ChangeEvent("action.changed", "3", {"actionType": "transition_phase"}))
        self.assertEqual(len(cache), 0)

    def test_ttl_is_the_fallback_while_the_stream_is_down(self) -> None:
        now = [0.0]
        cache = ResolveCache(ttl=10, live_ttl=100, max_entries=10, clock=lambda: now[0])
        cache.put("a", result("introduction"), cache.generation())
        now[0] = 11
        self.assertIsNone(cache.get("a"))
        cache.on_state(True)
        cache.put("a", result("introduction"), cache.generation())
        now[0] = 50
        self.assertIsNotNone(cache.get("a"))

    def test_an_answer_that_raced_a_change_is_not_kept(self) -> None:
        cache = ResolveCache(ttl=10, live_ttl=100, max_entries=10)
        generation = cache.generation()
        cache.on_event(ChangeEvent("resync", "4"))
        cache.put("a", result("introduction"), generation)
        self.assertIsNone(cache.get("a"))


class SnapshotFormatTest(unittest.TestCase):
    def test_refuses_an_unknown_format(self) -> None:
        with self.assertRaises(ValueError):
            Snapshot({"formatVersion": 99})
