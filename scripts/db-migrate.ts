// `npm run db:migrate`: applies pending SQL migrations to DATABASE_URL (or the embedded database).
import { openDatabase } from "./lib/database";

const database = await openDatabase();
await database.stop();
