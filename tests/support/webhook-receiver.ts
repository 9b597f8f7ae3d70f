import http from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedDelivery {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

export interface Receiver {
  url: string;
  received: ReceivedDelivery[];
  /** Requests being answered right now, per event id (to catch two sends of one event at once). */
  maxConcurrentPerEvent: () => number;
  close: () => Promise<void>;
}

/**
 * A real HTTP receiver on 127.0.0.1 (port 0): `answer(n)` gives the status of the n-th request
 * (1-based); `holdMs` keeps each request open a while, so overlapping sends would overlap here.
 */
export async function startReceiver(answer: (n: number) => number = () => 200, holdMs = 0): Promise<Receiver> {
  const received: ReceivedDelivery[] = [];
  const inFlight = new Map<string, number>();
  let maxConcurrent = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const status = answer(received.length + 1);
      received.push({ headers: req.headers, body, status });
      let id = "";
      try {
        id = String((JSON.parse(body) as { id?: unknown }).id);
      } catch {
        // not JSON: counted under ""
      }
      const now = (inFlight.get(id) ?? 0) + 1;
      inFlight.set(id, now);
      maxConcurrent = Math.max(maxConcurrent, now);
      setTimeout(() => {
        inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
        res.writeHead(status, { "content-type": "text/plain" }).end(status < 300 ? "ok" : "no");
      }, holdMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    maxConcurrentPerEvent: () => maxConcurrent,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
