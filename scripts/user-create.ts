// `npm run user:create -- --email a@b.c --role admin [--name "Ada L"]`
// The password is read from PM_PASSWORD (for scripts) or asked for without echo.
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { SYSTEM_CALLER } from "@/lib/server/auth/actor";
import { createUser } from "@/lib/server/services/user-service";
import { fail, parseArgs } from "./lib/args";
import { runCli } from "./lib/database";

async function askPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) fail("No terminal to ask for the password: set PM_PASSWORD.");
  let muted = false;
  const output = new Writable({
    write: (chunk, _enc, cb) => {
      if (!muted) process.stdout.write(chunk);
      cb();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      rl.question(q, resolve);
      muted = true;
    });
  const first = await ask(prompt);
  muted = false;
  process.stdout.write("\n");
  const second = await ask("Repeat it: ");
  muted = false;
  process.stdout.write("\n");
  rl.close();
  if (first !== second) fail("The passwords differ; nothing was created.");
  return first;
}

const { flags } = parseArgs(process.argv.slice(2));
const email = flags.get("email");
if (typeof email !== "string")
  fail("Usage: npm run user:create -- --email EMAIL [--role admin|designer|viewer] [--name NAME]");
const role = flags.get("role") ?? "viewer";
const name = flags.get("name");
const password = process.env.PM_PASSWORD ?? (await askPassword("Password (12–128 characters): "));

await runCli(async () => {
  const user = await createUser(SYSTEM_CALLER, { email, role, name: typeof name === "string" ? name : null, password });
  console.log(`Created ${user.role} ${user.email} (${user.id})`);
});
