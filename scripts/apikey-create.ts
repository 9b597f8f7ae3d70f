// `npm run apikey:create -- --name checkout-service --scopes resolve,prompts:read [--expires 2027-01-01]`
// Prints the key alone on the last line (shown once; only its hash is stored).
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { createApiKey } from "@/lib/server/services/api-key-service";
import { fail, parseArgs } from "./lib/args";
import { runCli } from "./lib/database";

const { flags } = parseArgs(process.argv.slice(2));
const name = flags.get("name");
const scopes = flags.get("scopes");
if (typeof name !== "string" || typeof scopes !== "string") {
  fail("Usage: npm run apikey:create -- --name NAME --scopes resolve,prompts:read,prompts:write [--expires ISO-DATE]");
}
const expires = flags.get("expires");
const expiryDate = typeof expires === "string" ? new Date(expires) : null;
if (expiryDate && Number.isNaN(expiryDate.getTime())) fail(`--expires ${String(expires)} is not a date`);
const expiresAt = expiryDate?.toISOString() ?? null;

await runCli(async () => {
  const { key, apiKey } = await createApiKey(SYSTEM_CALLER, {
    name,
    scopes: scopes.split(",").map((s) => s.trim()),
    expiresAt,
  });
  console.error(
    `Created API key "${apiKey.name}" (${apiKey.id}) with scopes ${apiKey.scopes.join(", ")}${apiKey.expiresAt ? `, expires ${apiKey.expiresAt}` : ""}. It is shown only now:`,
  );
  console.log(key);
});
