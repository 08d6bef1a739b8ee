import type { ErrorCode, FieldError } from '../shared/contracts/common.js';

export const STATUS_BY_CODE: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  CSRF_REJECTED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
};

/** The one error type services throw; the error handler turns it into the one error shape. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}

export const notFound = (what = 'record') => new AppError('NOT_FOUND', `No such ${what}.`);
export const forbidden = (message = 'Your account cannot do that.') => new AppError('FORBIDDEN', message);
export const unauthenticated = (message = 'Sign in to continue.') => new AppError('UNAUTHENTICATED', message);
export const conflict = (message: string) => new AppError('CONFLICT', message);
/** One field is wrong for a reason only the server can know (taken, wrong code): its message doubles as the summary. */
export const invalidField = (path: string, message: string) => new AppError('VALIDATION_FAILED', message, [{ path, message }]);
