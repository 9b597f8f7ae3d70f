import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/domain/errors";
import { findInputProblem } from "@/lib/domain/schemas/safe-input";

/**
 * Parses with a zod schema; failures become 400 invalid_request with the issues in details. Every
 * input is first checked for what no schema should have to repeat: NUL bytes and lone surrogates in
 * any string, and nesting deeper than MAX_INPUT_DEPTH.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const problem = findInputProblem(input);
  if (problem) throw invalid([problem]);
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw invalid(result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message, code: i.code })));
}

function invalid(issues: { path: string; message: string; code: string }[]): AppError {
  const first = issues[0];
  const message = first ? `${first.path ? `${first.path}: ` : ""}${first.message}` : "Invalid request";
  return new AppError("invalid_request", message, { issues });
}
