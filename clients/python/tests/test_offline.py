"""With the server stopped: the client answers from the snapshot, exactly what the server answered."""

import json
import os
import unittest

from prompt_manager import MissingContext, PromptManager, Unreachable

from .support import API_KEY, BASE_URL, GOLDEN, SNAPSHOT

STOPPED = os.environ.get("PM_SERVER_STOPPED") == "1"


@unittest.skipUnless(STOPPED and BASE_URL and SNAPSHOT and GOLDEN, "needs a stopped server, PM_SNAPSHOT and PM_GOLDEN")
class OfflineTest(unittest.TestCase):
    def setUp(self) -> None:
        self.pm = PromptManager(BASE_URL, API_KEY, timeout=1.0, cache=True, snapshot_path=SNAPSHOT)
        self.addCleanup(self.pm.close)
        with open(GOLDEN, encoding="utf-8") as f:
            self.golden = json.load(f)

    def test_serves_the_snapshot_marked_as_such(self) -> None:
        served = [g for g in self.golden if "text" in g]
        self.assertGreater(len(served), 20)
        for g in served:
            with self.subTest(case=g["case"]):
                result = self.pm.resolve(**g["case"])
                self.assertTrue(result.from_snapshot)
                self.assertEqual(result.text, g["text"])
                self.assertEqual(result.prompt.version, g["version"])

    def test_errors_stay_errors(self) -> None:
        with self.assertRaises(MissingContext) as caught:
            self.pm.resolve(phase="identity_warm_up", context={"user_name": "Ada"})
        self.assertEqual(caught.exception.missing, ["who_you_are", "who_you_want_to_be"])
        # The snapshot knows production only: a staging request gets the connection error.
        with self.assertRaises(Unreachable):
            self.pm.resolve(phase="introduction", channel="staging", context={"user_name": "Ada"})

    def test_without_a_snapshot_the_connection_error_is_raised(self) -> None:
        with self.assertRaises(Unreachable) as caught:
            PromptManager(BASE_URL, API_KEY, timeout=1.0).resolve(phase="introduction", context={"user_name": "Ada"})
        self.assertIn(caught.exception.code, ("network", "timeout"))
        self.assertEqual(caught.exception.status, 0)
