import "server-only";
import { inCidrs } from "./cidr";

const trustedProxies = (): string[] =>
  (process.env.PM_TRUSTED_PROXIES ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

function peerAddress(headers: Headers): string {
  const hooked = (globalThis as { __pmPeerAddressHeader?: boolean }).__pmPeerAddressHeader === true;
  return (hooked ? headers.get("x-pm-peer-address") : null) || "unknown";
}

/** Whether the socket peer is one of PM_TRUSTED_PROXIES: only then are its X-Forwarded-* headers believed. */
export function fromTrustedProxy(headers: Headers): boolean {
  const proxies = trustedProxies();
  return proxies.length > 0 && inCidrs(peerAddress(headers), proxies);
}

/**
 * The caller's address for the sign-in limiter. The socket peer comes from `x-pm-peer-address`,
 * which scripts/lib/http-guard.cjs sets on every request (overwriting any client's). X-Forwarded-For
 * is believed only when that peer is one of PM_TRUSTED_PROXIES (CIDRs): then the address is the
 * last hop not itself a trusted proxy. Anyone else could write whatever they like into it.
 */
export function clientIp(headers: Headers): string {
  const peer = peerAddress(headers);
  const proxies = trustedProxies();
  if (!fromTrustedProxy(headers)) return peer.slice(0, 64);
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!inCidrs(hops[i]!, proxies)) return hops[i]!.slice(0, 64);
  return (hops[0] ?? peer).slice(0, 64);
}
