import "server-only";
import { fromTrustedProxy } from "./client-ip";

/**
 * Whether the app is reached over https, so session and CSRF cookies must be `Secure` (and take the
 * `__Secure-`/`__Host-` names). A configured NEXTAUTH_URL decides; otherwise a request is https only
 * when a trusted proxy (PM_TRUSTED_PROXIES) says so in X-Forwarded-Proto, or when it arrived over TLS
 * itself. next-auth's own guess follows X-Forwarded-Proto from anyone once AUTH_TRUST_HOST is set.
 */
export function servedOverHttps(headers?: Headers, requestUrl?: string): boolean {
  const configured = process.env.NEXTAUTH_URL?.trim();
  if (configured) return configured.toLowerCase().startsWith("https://");
  if (!headers) return false;
  if (fromTrustedProxy(headers)) {
    const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
    if (proto) return proto === "https";
  }
  return requestUrl?.toLowerCase().startsWith("https://") ?? false;
}
