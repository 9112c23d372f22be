// One error type for the whole app. `code` says what kind of failure it is; route handlers map it to an HTTP
// status with httpStatusFor, server actions to `{ error }` with a user-readable message. `message` is for logs.
export const appErrorCodes = ['not_found', 'forbidden', 'unauthenticated', 'invalid_input', 'conflict', 'stripe_error', 'internal'] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AppError';
    this.code = code;
  }
}

const statusByCode: Record<AppErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid_input: 400,
  conflict: 409,
  stripe_error: 502,
  internal: 500,
};

export function httpStatusFor(code: AppErrorCode): number {
  return statusByCode[code];
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
