/**
 * The one error model (after Dub): a stable `code` decides the HTTP status; every error answer is
 * `{error: {code, message, details}}`. Domain and services throw AppError; routes map it once.
 */
export const ERROR_STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  no_active_prompt: 404,
  version_not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  immutable_field: 409,
  review_required: 409,
  checks_failed: 409,
  payload_too_large: 413,
  invalid_template: 422,
  missing_context: 422,
  rate_limited: 429,
  internal: 500,
  db_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toJSON(): ErrorBody {
    return { error: { code: this.code, message: this.message, details: this.details ?? null } };
  }
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details: unknown };
}

/** What a server action answers: its data, or the same error body as the API. */
export type ActionResult<T> = { ok: true; data: T } | ({ ok: false } & ErrorBody);

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
