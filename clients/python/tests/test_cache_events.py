"""Against a running server: the cache drops what a change affects within a second, via the event stream."""

import time
import unittest
import uuid

from prompt_manager import PromptManager

from .support import API_KEY, BASE_URL, WRITE_KEY, call, needs_server


def wait_until(what: str, check, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for " + what)
        time.sleep(0.02)


@needs_server
@unittest.skipUnless(WRITE_KEY, "needs PM_WRITE_KEY (prompts:write) to change prompts")
class CacheTest(unittest.TestCase):
    def setUp(self) -> None:
        # TTLs far beyond the test: only an event can make the cache forget.
        self.pm = PromptManager(BASE_URL, API_KEY, timeout=5.0, cache=True, cache_ttl=3600, live_cache_ttl=3600)
        self.addCleanup(self.pm.close)
        wait_until("the event stream", lambda: self.pm.events_connected)

    def test_a_release_reaches_the_cache_within_a_second(self) -> None:
        context = {"user_name": "Ada", "current_identity": "Starter", "visualization_identities": "Starter"}
        first = self.pm.resolve(phase="identity_visualization", context=context)
        self.assertIs(self.pm.resolve(phase="identity_visualization", context=context), first)  # from the cache
        marker = uuid.uuid4().hex
        call(
            "POST",
            "/api/prompts",
            {
                "coachingPhase": "identity_visualization",
                "body": "Picture it, {user_name}: %s" % marker,
                "requiredContextKeys": ["user_name"],
                "isActive": True,
            },
        )
        released = time.monotonic()
        wait_until("the new version", lambda: marker in self.pm.resolve(phase="identity_visualization", context=context).text, 5)
        elapsed = time.monotonic() - released
        self.assertLess(elapsed, 1.0, "the cache served the old version for %.2f s" % elapsed)
        self.assertGreater(self.pm.resolve(phase="identity_visualization", context=context).prompt.version, first.prompt.version)

    def test_an_action_wording_change_drops_cached_answers(self) -> None:
        context = {"user_name": "Ada", "current_identity": "Starter", "affirmation_identities": "Starter"}
        before = self.pm.resolve(phase="identity_affirmation", context=context)
        self.assertIs(self.pm.resolve(phase="identity_affirmation", context=context), before)  # from the cache
        self.assertIn("accept_identity_affirmation", before.allowed_actions)
        wording = "Mark the affirmation done %s." % uuid.uuid4().hex
        call("POST", "/api/actions/accept_identity_affirmation", {"instruction": wording, "activate": True})
        wait_until("the new wording", lambda: wording in self.pm.resolve(phase="identity_affirmation", context=context).text, 5)


@needs_server
@unittest.skipUnless(WRITE_KEY, "needs PM_WRITE_KEY (prompts:write) to change prompts")
class SubscribeTest(unittest.TestCase):
    def test_delivers_events_and_resumes_after_the_last_id(self) -> None:
        pm = PromptManager(BASE_URL, API_KEY, timeout=5.0)
        events = []
        stream = pm.subscribe(events.append)
        self.addCleanup(stream.close)
        wait_until("the stream", lambda: stream.connected and stream.last_event_id != "")
        draft = call(
            "POST",
            "/api/prompts",
            {"coachingPhase": "get_to_know_you", "body": "Draft {user_name}", "requiredContextKeys": ["user_name"]},
        )
        call("PUT", "/api/phases/get_to_know_you/staging", {"version": draft["version"]})
        wait_until("the staging event", lambda: len(events) >= 1)
        self.assertEqual(events[0].type, "prompt.changed")
        self.assertEqual(
            events[0].data,
            {"phase": "get_to_know_you", "promptType": "coach", "channel": "staging", "version": draft["version"]},
        )
        stream.close()
        call("DELETE", "/api/phases/get_to_know_you/staging")
        later = []
        again = pm.subscribe(later.append, last_event_id=events[0].id)
        self.addCleanup(again.close)
        wait_until("the missed event", lambda: len(later) >= 1)
        self.assertEqual((later[0].data["channel"], later[0].data["version"]), ("staging", None))
