// `npm run db:seed [-- --force]`: writes the demo prompts. Without --force only into an empty table.
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { db } from "@/lib/server/db/client";
import { openDatabase } from "./lib/database";

const database = await openDatabase();
try {
  const count = await seedDemoPrompts({ onlyIfEmpty: !process.argv.includes("--force") });
  console.log(count ? `Seeded ${count} demo prompts` : "The prompts table is not empty; nothing seeded (use --force to add the demo prompts as new versions)");
} finally {
  await db().$disconnect();
  await database.stop();
}
