import type { ErrorCode } from "@/lib/domain/errors";

/** Codes the client adds for failures that never reached an answer from the server. */
export type ClientErrorCode = "timeout" | "network" | "aborted" | "bad_response";

/** Every failed call throws this: the API's error body, or what went wrong on the way. */
export class PromptManagerError extends Error {
  readonly code: ErrorCode | ClientErrorCode;
  /** HTTP status; 0 when no answer came back. */
  readonly status: number;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(init: {
    code: ErrorCode | ClientErrorCode;
    status: number;
    message: string;
    details?: unknown;
    requestId?: string | null;
  }) {
    super(init.message);
    this.name = "PromptManagerError";
    this.code = init.code;
    this.status = init.status;
    this.details = init.details ?? null;
    this.requestId = init.requestId ?? null;
  }
}
