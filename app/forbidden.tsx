import Link from "next/link";

export default function Forbidden() {
  return (
    <main className="stack">
      <h1>Not for your role</h1>
      <p>Your account may not open this page. Ask an admin if you need access.</p>
      <p>
        <Link href="/">Back to the prompts</Link>
      </p>
    </main>
  );
}
