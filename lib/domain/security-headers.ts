/**
 * The security headers of every answer (set in proxy.ts). Pages may not be framed or load plugins;
 * API answers are data, never documents to render, so they allow nothing but the reference page's
 * inline styles. (A nonce-based `script-src` for pages is the next step: it needs per-request
 * rendering of every page and a browser check that Monaco's worker and styles still load.)
 */
export function contentSecurityPolicy(options: { api?: boolean }): string {
  if (options.api) {
    return "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }
  return "frame-ancestors 'none'; object-src 'none'; base-uri 'self'";
}

export const SECURITY_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
} as const;
