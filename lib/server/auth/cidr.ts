import { isIP } from "node:net";

/** IPv4-mapped IPv6 (`::ffff:10.0.0.1`, how Node reports IPv4 peers on a dual-stack socket) as IPv4. */
function unmap(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

function toBigInt(address: string): { bits: bigint; width: number } | null {
  const a = unmap(address.trim());
  if (isIP(a) === 4) return { bits: a.split(".").reduce((n, part) => (n << 8n) | BigInt(part), 0n), width: 32 };
  if (isIP(a) !== 6) return null;
  const [head, tail = ""] = a.split("::");
  const parse = (s: string) => (s ? s.split(":") : []);
  const h = parse(head!);
  const t = a.includes("::") ? parse(tail) : [];
  const groups = [...h, ...Array(8 - h.length - t.length).fill("0"), ...t];
  return { bits: groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g, 16)), 0n), width: 128 };
}

/** True when `address` lies in one of the CIDRs (`10.0.0.0/8`, `::1/128`, or a bare address). */
export function inCidrs(address: string, cidrs: readonly string[]): boolean {
  const ip = toBigInt(address);
  if (!ip) return false;
  return cidrs.some((cidr) => {
    const [base, prefixText] = cidr.trim().split("/");
    const net = toBigInt(base ?? "");
    if (!net || net.width !== ip.width) return false;
    const prefix = prefixText === undefined ? net.width : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > net.width) return false;
    const shift = BigInt(net.width - prefix);
    return ip.bits >> shift === net.bits >> shift;
  });
}
