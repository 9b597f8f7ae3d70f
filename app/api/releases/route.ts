import { json, readJson, route, searchParams } from "@/lib/server/http/route";
import { listReleases, openRelease } from "@/lib/server/services/release-service";

export const GET = route({ access: "read" }, async ({ req, caller }) => listReleases(caller, searchParams(req)));

export const POST = route({ access: "write" }, async ({ req, caller }) =>
  json(await openRelease(caller, await readJson(req)), 201),
);
