// No "server-only" here: `npm run serve` (outside a React server bundle) drives it.

/**
 * The process's shutdown state, shared by `npm run serve` (which receives SIGTERM) and the route
 * handlers of the built app (readiness, long-lived streams). The two load this module separately
 * (the script through tsx, the app from Next's bundle), so the state lives on globalThis.
 */
interface Lifecycle {
  draining: boolean;
  /** The drain period is over: streams opened from now on are closed at once. */
  closed: boolean;
  drainCallbacks: Set<() => void>;
}

const KEY = Symbol.for("prompt-manager.lifecycle");
const holder = globalThis as unknown as { [KEY]?: Lifecycle };
const state = (): Lifecycle => (holder[KEY] ??= { draining: false, closed: false, drainCallbacks: new Set() });

/** True from SIGTERM on: /api/health/ready answers 503 so balancers stop sending new requests. */
export function isDraining(): boolean {
  return state().draining;
}

/** Marks the process as shutting down (readiness turns 503 at once; requests are still answered). */
export function startDraining(): void {
  state().draining = true;
}

/**
 * Registers `close` to run when the drain period ends, just before the server stops: long-lived
 * responses (event streams) end then, with a `retry:` hint, so their clients reconnect through the
 * balancer to an instance that stays. Registered after that point, `close` runs at once. Returns an
 * unregister function (call it when the stream ends on its own).
 */
export function onDrain(close: () => void): () => void {
  const s = state();
  if (s.closed) {
    queueMicrotask(close);
    return () => undefined;
  }
  s.drainCallbacks.add(close);
  return () => s.drainCallbacks.delete(close);
}

/** Ends the drain period: runs every onDrain callback (errors are logged, never thrown). */
export function closeLongLived(): void {
  const s = state();
  s.draining = true;
  s.closed = true;
  const callbacks = [...s.drainCallbacks];
  s.drainCallbacks.clear();
  for (const close of callbacks) {
    try {
      close();
    } catch (error) {
      console.error("onDrain callback failed", error);
    }
  }
}
