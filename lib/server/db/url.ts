import "server-only";

/** The database URL the app uses. `npm start` sets it to the embedded server when none is given. */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it to the embedded database)");
  return url;
}
