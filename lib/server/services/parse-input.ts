import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";

/** Parses with a zod schema; failures become 400 invalid_request with the issues in details. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code }));
  const first = issues[0];
  const message = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "Invalid request";
  throw new AppError("invalid_request", message, { issues });
}
