"use server";

import { serverAction } from "@/lib/server/http/action";
import { setStagingVersion } from "@/lib/server/services/staging-service";

// The editor's release bar. The services authorize the caller themselves (designers and admins).

/** Points the phase's staging channel at a version (`none` for prompts without a phase). */
export const setStaging = serverAction((caller, phase: string, version: number) =>
  setStagingVersion(caller, phase, { version }),
);
