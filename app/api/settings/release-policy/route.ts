import { readJson, route } from "@/lib/server/http/route";
import { getReleasePolicy, setReleasePolicy } from "@/lib/server/services/release-policy-service";

export const GET = route({ access: "read" }, async ({ caller }) => getReleasePolicy(caller));

export const PUT = route({ access: "admin" }, async ({ req, caller }) => setReleasePolicy(caller, await readJson(req)));
