import "server-only";
import { z } from "zod";
import type { ApiOperation } from "./operations";

/** GET /api/events: change events for callers that cache (README "Events"). */
export const EVENT_OPERATIONS: ApiOperation[] = [
  {
    method: "get",
    path: "/api/events",
    operationId: "streamEvents",
    tag: "Events",
    summary: "Server-Sent Events whenever what production or staging serves changes",
    description:
      "A `text/event-stream` that stays open. Events: `prompt.changed` `{phase, promptType, channel, version}` (channel `production` or `staging`; version null: nothing served, or on staging: staging follows production again), `action.changed` `{actionType}` (the served wording of an action changed), `resync` (drop everything cached: events were missed), and a `: heartbeat` comment every 15 s. Each event has an increasing `id`; reconnect with `Last-Event-ID` (or `?lastEventId=`) to get what was missed from the bounded history (last 1,000 events, at most 24 h), or one `resync` beyond it. Needs the `resolve` scope or a signed-in person; at most 50 open streams per key and instance (429 beyond). A reader that leaves 256 KiB unread is disconnected.",
    query: z.object({ lastEventId: z.string().optional() }),
    errors: [429],
    responses: { 200: { description: "The event stream", content: { "text/event-stream": "text" } } },
  },
];
