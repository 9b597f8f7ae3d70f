"""Against a running server: resolve, the error classes, and the snapshot's answers compared with the server's."""

import json
import unittest

from prompt_manager import (
    Forbidden,
    InvalidRequest,
    MissingContext,
    NoActivePrompt,
    PromptManager,
    PromptManagerError,
    ResolveResult,
    Section,
    Snapshot,
    Unauthenticated,
    VersionNotFound,
)

from .support import API_KEY, BASE_URL, GOLDEN, READ_KEY, SNAPSHOT, comparable, golden_cases, needs_server


@needs_server
class ResolveTest(unittest.TestCase):
    def setUp(self) -> None:
        self.pm = PromptManager(BASE_URL, API_KEY, timeout=5.0)

    def test_resolves_a_typed_result(self) -> None:
        result = self.pm.resolve(phase="introduction", context={"user_name": "Ada"})
        self.assertIsInstance(result, ResolveResult)
        self.assertEqual(result.prompt.phase, "introduction")
        self.assertEqual(result.prompt.prompt_type, "coach")
        self.assertIn("Ada", result.text)
        self.assertFalse(result.from_snapshot)
        self.assertEqual(result.sections[0], Section("system_context", result.sections[0].text))
        self.assertEqual(result.text, "\n\n".join(s.text for s in result.sections))
        self.assertEqual(result.response_format["type"], "object")
        self.assertIn("message", result.response_format["properties"])
        self.assertIn(result.server_cache, ("hit", "miss"))

    def test_sentinel_by_prompt_type_and_phase_by_enum_name(self) -> None:
        sentinel = self.pm.resolve(
            prompt_type="sentinel",
            context={"previous_message": "Hi", "current_message": "I run", "current_phase": "introduction"},
        )
        self.assertIsNone(sentinel.prompt.phase)
        self.assertEqual(sentinel.sections[0].kind, "body")
        warm = self.pm.resolve(
            phase="IDENTITY_WARMUP", context={"user_name": "Ada", "who_you_are": ["kind"], "who_you_want_to_be": "brave"}
        )
        self.assertEqual(warm.prompt.phase, "identity_warm_up")

    def test_missing_context_lists_every_missing_key(self) -> None:
        with self.assertRaises(MissingContext) as caught:
            self.pm.resolve(phase="identity_warm_up", context={"user_name": "Ada"})
        self.assertEqual(caught.exception.missing, ["who_you_are", "who_you_want_to_be"])
        self.assertEqual((caught.exception.code, caught.exception.status), ("missing_context", 422))

    def test_error_classes_per_code(self) -> None:
        with self.assertRaises(NoActivePrompt) as no_prompt:
            self.pm.resolve(prompt_type="system", context={})
        self.assertEqual(no_prompt.exception.status, 404)
        with self.assertRaises(VersionNotFound):
            self.pm.resolve(phase="introduction", version=9999, context={"user_name": "Ada"})
        with self.assertRaises(InvalidRequest) as invalid:
            self.pm.resolve(phase="introduction", context={"username": "typo"})
        self.assertEqual(invalid.exception.code, "invalid_request")
        with self.assertRaises(Unauthenticated):
            PromptManager(BASE_URL, "pm_not_a_key").resolve(phase="introduction", context={"user_name": "Ada"})
        with self.assertRaises(Forbidden):
            PromptManager(BASE_URL, READ_KEY).resolve(phase="introduction", context={"user_name": "Ada"})
        self.assertTrue(issubclass(MissingContext, PromptManagerError))


@needs_server
@unittest.skipUnless(SNAPSHOT, "needs PM_SNAPSHOT (written by npm run prompts:snapshot)")
class SnapshotMatchesServerTest(unittest.TestCase):
    """The snapshot's offline answers are the server's, byte for byte, for every served prompt."""

    def test_same_answers_as_the_server(self) -> None:
        pm = PromptManager(BASE_URL, API_KEY, timeout=5.0)
        snapshot = Snapshot.load(SNAPSHOT)
        with open(SNAPSHOT, encoding="utf-8") as f:
            cases = golden_cases(json.load(f))
        self.assertGreater(len(cases), 30)
        recorded = []
        for case in cases:
            with self.subTest(case=case):
                try:
                    online = pm.resolve(**case)
                except PromptManagerError as error:
                    with self.assertRaises(type(error)) as offline_error:
                        snapshot.resolve(**case)
                    self.assertEqual(offline_error.exception.details, error.details)
                    recorded.append({"case": case, "error": error.code})
                    continue
                offline = snapshot.resolve(**case)
                assert offline is not None
                self.assertTrue(offline.from_snapshot)
                self.assertEqual(comparable(offline), comparable(online))
                recorded.append({"case": case, "text": online.text, "version": online.prompt.version})
        self.assertGreater(sum(1 for r in recorded if "text" in r), 20)
        if GOLDEN:
            with open(GOLDEN, "w", encoding="utf-8") as f:
                json.dump(recorded, f)
