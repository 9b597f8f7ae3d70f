"use server";

import { serverAction } from "@/lib/server/http/action";
import {
  approveRelease,
  commentOnRelease,
  performRelease,
  rejectRelease,
  withdrawRelease,
} from "@/lib/server/services/release-review-service";

// The release page's steps. Each calls the same service as the API, which authorizes the caller and
// enforces the rules (no self-approval, production unchanged since opening): the page only hides
// buttons for convenience and shows the service's refusal when one comes back.

export const approveReleaseAction = serverAction((caller, id: string, input: unknown) =>
  approveRelease(caller, id, input),
);

export const rejectReleaseAction = serverAction((caller, id: string, input: unknown) =>
  rejectRelease(caller, id, input),
);

export const withdrawReleaseAction = serverAction((caller, id: string) => withdrawRelease(caller, id));

export const commentReleaseAction = serverAction((caller, id: string, input: unknown) =>
  commentOnRelease(caller, id, input),
);

export const performReleaseAction = serverAction((caller, id: string) => performRelease(caller, id));
