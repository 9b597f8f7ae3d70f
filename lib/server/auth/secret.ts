import "server-only";

/** The session-signing secret. `npm start` generates and keeps one per data folder when none is set. */
export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET;
  if (!secret || secret.length < 32)
    throw new Error("NEXTAUTH_SECRET must be set (at least 32 characters); npm start sets one");
  return secret;
}
