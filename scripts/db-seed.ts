// `npm run db:seed [-- --force]`: writes the demo prompts. Without --force only into an empty table.
import { seedDemoPrompts } from "@/lib/server/services/seed-service";
import { runCli } from "./lib/database";

await runCli(async () => {
  const count = await seedDemoPrompts({ onlyIfEmpty: !process.argv.includes("--force") });
  console.log(
    count
      ? `Seeded ${count} demo prompts`
      : "The prompts table is not empty; nothing seeded (use --force to add the demo prompts as new versions)",
  );
});
