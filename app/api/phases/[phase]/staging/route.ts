import { readJson, route, searchParams } from "@/lib/server/http/route";
import { clearStagingVersion, setStagingVersion } from "@/lib/server/services/staging-service";

type Params = { phase: string };

export const PUT = route<Params>({ access: "write" }, async ({ req, params, caller }) =>
  setStagingVersion(caller, params.phase, await readJson(req)),
);

export const DELETE = route<Params>({ access: "write" }, async ({ req, params, caller }) =>
  clearStagingVersion(caller, params.phase, searchParams(req)),
);
