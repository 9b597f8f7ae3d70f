import Link from "next/link";

/** Unknown phase or version under /prompts: say so and offer the way back. */
export default function PromptsNotFound() {
  return (
    <main className="login">
      <h1>Not found</h1>
      <p>
        There is no such phase or version. Phases are named like <code>introduction</code>, or <code>none</code> for
        prompts without a phase.
      </p>
      <p>
        <Link href="/prompts">Back to all prompts</Link>
      </p>
    </main>
  );
}
