import "server-only";
import { createHash } from "node:crypto";

/** Only a key's SHA-256 is stored; creating and authenticating a key hash it the same way. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
