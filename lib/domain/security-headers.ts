/**
 * The security headers of every answer (set in proxy.ts). API answers are data, never documents to
 * render, so they allow nothing but the reference page's inline styles. Pages run only scripts that
 * carry this request's nonce, and what those scripts load ('strict-dynamic': Next's chunks); Monaco
 * needs its worker (a same-origin file, or a blob) and the inline styles it injects. `dev` adds
 * 'unsafe-eval', which only `next dev`'s React tooling needs.
 */
export function contentSecurityPolicy(options: { api?: boolean; nonce?: string; dev?: boolean }): string {
  if (options.api || !options.nonce) {
    return "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }
  return [
    "default-src 'self'",
    `script-src 'nonce-${options.nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "worker-src 'self' blob:",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const SECURITY_HEADERS = {
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
} as const;
