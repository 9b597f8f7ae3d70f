"use server";

import { serverAction } from "@/lib/server/http/action";
import { openRelease } from "@/lib/server/services/release-service";
import { setStagingVersion } from "@/lib/server/services/staging-service";

// The editor's release bar. The services authorize the caller themselves (designers and admins).

/** Points the phase's staging channel at a version (`none` for prompts without a phase). */
export const setStaging = serverAction((caller, phase: string, version: number) =>
  setStagingVersion(caller, phase, { version }),
);

/** Opens a release request for a saved version (the same input as `POST /api/releases`). */
export const requestRelease = serverAction((caller, input: unknown) => openRelease(caller, input));
