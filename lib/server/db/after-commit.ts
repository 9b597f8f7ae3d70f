import "server-only";

type Hook = () => void;

// On globalThis like the Prisma client: Next's dev server re-evaluates modules, and a hook registered
// by one copy must still run when another copy commits.
const registry = globalThis as unknown as { pmAfterCommit?: Set<Hook> };
const hooks = (registry.pmAfterCommit ??= new Set<Hook>());

/**
 * Runs `hook` after every write transaction of this process commits. The prompt cache uses it to
 * forget what this instance may just have replaced: the database's NOTIFY reaches every instance
 * too, but a few milliseconds later, and a client that saves and then resolves here must see its save.
 */
export function onCommit(hook: Hook): () => void {
  hooks.add(hook);
  return () => hooks.delete(hook);
}

export function runAfterCommit(): void {
  for (const hook of hooks) {
    try {
      hook();
    } catch (error) {
      console.error("after-commit hook failed", error);
    }
  }
}
