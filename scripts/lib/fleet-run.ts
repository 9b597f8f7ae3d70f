// A whole fleet on loopback (PgBouncer, HAProxy, `npm run serve` instances), started and stopped as one:
// the fleet test and `npm run bench` share it. The daemons themselves: scripts/lib/fleet.ts.
import { startHaproxy, startPgBouncer, type Balancer, type Daemon } from "./fleet";
import { startServe, type ServeProcess } from "./serve-process";

export interface FleetOptions {
  /** The PostgreSQL to serve: PgBouncer pools it, and the change listeners connect to it directly. */
  directUrl: string;
  size: number;
  /** Balancer on portBase, PgBouncer on +1, HAProxy's stats on +2, instances on +10, +11, … */
  portBase: number;
  /** Added to every instance's environment (NEXTAUTH_SECRET, PM_DRAIN_MS, …). */
  env: Record<string, string>;
}

export interface Fleet {
  balancer: Balancer;
  bouncer: Daemon & { url: string };
  ports: number[];
  /** The running instance of each slot (null once killed and not restarted). */
  instances: (ServeProcess | null)[];
  /** (Re)starts slot i; resolves once it is ready (not yet back in the balancer). */
  startInstance: (i: number) => Promise<ServeProcess>;
  /** Whether HAProxy sends traffic to slot i (its server is named i1, i2, …). */
  inRotation: (i: number) => Promise<boolean>;
  stop: () => Promise<void>;
}

export async function startFleet(o: FleetOptions): Promise<Fleet> {
  const ports = Array.from({ length: o.size }, (_, i) => o.portBase + 10 + i);
  const bouncer = await startPgBouncer(o.directUrl, o.portBase + 1);
  const balancer = await startHaproxy(ports, o.portBase, o.portBase + 2).catch(async (error: unknown) => {
    await bouncer.stop();
    throw error;
  });
  const instances: (ServeProcess | null)[] = ports.map(() => null);
  const fleet: Fleet = {
    balancer,
    bouncer,
    ports,
    instances,
    startInstance: async (i) => {
      const server = await startServe(ports[i]!, {
        ...o.env,
        // The pool through the transaction-mode pooler; LISTEN needs a session: direct.
        DATABASE_URL: bouncer.url,
        PM_LISTEN_DATABASE_URL: o.directUrl,
      });
      instances[i] = server;
      return server;
    },
    inRotation: async (i) => (await balancer.serverStates())[`i${i + 1}`] === "UP",
    stop: async () => {
      await Promise.all(instances.map((s) => s?.kill("SIGKILL")));
      await balancer.stop();
      await bouncer.stop();
    },
  };
  try {
    await Promise.all(ports.map((_, i) => fleet.startInstance(i)));
    for (let i = 0; i < o.size; i++) await waitUntil(`i${i + 1} UP in HAProxy`, () => fleet.inRotation(i), 20_000);
  } catch (error) {
    await fleet.stop();
    throw error;
  }
  return fleet;
}

async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
