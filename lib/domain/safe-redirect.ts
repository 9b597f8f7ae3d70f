const PLACEHOLDER_ORIGIN = "http://same-origin.invalid";

/**
 * Where to send the browser after sign-in: only a path on our own origin. Browsers read `/\evil.example`
 * and `/<TAB>/evil.example` as `//evil.example` (another host), so backslashes and control characters
 * are refused outright, and what is left must parse, with `new URL`, to our own origin.
 */
export function safeRedirectPath(target: string | null | undefined, fallback = "/"): string {
  if (!target || !target.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(target)) return fallback;
  let url: URL;
  try {
    url = new URL(target, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
