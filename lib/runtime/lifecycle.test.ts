import { afterEach, describe, expect, it, vi } from "vitest";

// The state is per process (on globalThis): every test starts from a fresh one.
afterEach(() => {
  delete (globalThis as Record<symbol, unknown>)[Symbol.for("prompt-manager.lifecycle")];
  vi.resetModules();
});

describe("drain lifecycle", () => {
  it("turns draining on at once and closes registered streams only when the drain period ends", async () => {
    const { closeLongLived, isDraining, onDrain, startDraining } = await import("./lifecycle");
    const closed: string[] = [];
    onDrain(() => closed.push("a"));
    const unregister = onDrain(() => closed.push("gone"));
    onDrain(() => closed.push("b"));
    unregister();
    expect(isDraining()).toBe(false);
    startDraining();
    expect([isDraining(), closed]).toEqual([true, []]);
    closeLongLived();
    expect(closed).toEqual(["a", "b"]);
    closeLongLived();
    expect(closed).toEqual(["a", "b"]); // each callback runs once
  });

  it("closes a stream opened after the drain period at once, and survives a failing callback", async () => {
    const { closeLongLived, onDrain } = await import("./lifecycle");
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const closed: string[] = [];
    onDrain(() => {
      throw new Error("boom");
    });
    onDrain(() => closed.push("after the failing one"));
    closeLongLived();
    expect(closed).toEqual(["after the failing one"]);
    expect(error).toHaveBeenCalledOnce();
    onDrain(() => closed.push("late"));
    await Promise.resolve();
    expect(closed).toEqual(["after the failing one", "late"]);
    error.mockRestore();
  });

  it("shares its state between separately loaded copies of the module (the serve script and the app bundle)", async () => {
    const first = await import("./lifecycle");
    vi.resetModules();
    const second = await import("./lifecycle");
    expect(second).not.toBe(first);
    first.startDraining();
    expect(second.isDraining()).toBe(true);
  });
});
