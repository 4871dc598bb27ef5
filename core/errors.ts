// Stable, documented error codes: clients branch on `code`, never on message text.
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  BAD_CURSOR: 'BAD_CURSOR',
  BATCH_TOO_LARGE: 'BATCH_TOO_LARGE',
  QUERY_TOO_DEEP: 'QUERY_TOO_DEEP',
  QUERY_TOO_COMPLEX: 'QUERY_TOO_COMPLEX',
  RATE_LIMITED: 'RATE_LIMITED',
  /** An account holds or has sent as much as it may (uploads): acting on the message, or waiting, frees room. */
  QUOTA_EXCEEDED: 'QUOTA_EXCEEDED',
  PAYMENT_DECLINED: 'PAYMENT_DECLINED',
  /** A part the request needs (the database, Redis) is unreachable for now: retrying later can succeed. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** The server's disk is full: nothing was stored, and retrying later can succeed. */
  STORAGE_FULL: 'STORAGE_FULL',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Too many requests of one kind from one client: answered with HTTP 429 and Retry-After. */
export class RateLimitedError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCode.RATE_LIMITED, message);
    this.name = 'RateLimitedError';
  }
}

/** An account is past one of its quotas: answered with HTTP 429 and Retry-After, when room frees by itself at the latest. */
export class QuotaExceededError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCode.QUOTA_EXCEEDED, message);
    this.name = 'QuotaExceededError';
  }
}

export const errors = {
  badInput: (message: string, field?: string) => new AppError(ErrorCode.BAD_USER_INPUT, message, field),
  unauthenticated: (message = 'Sign in to do this') => new AppError(ErrorCode.UNAUTHENTICATED, message),
  forbidden: (message: string) => new AppError(ErrorCode.FORBIDDEN, message),
  notFound: (what: string, id: string) => new AppError(ErrorCode.NOT_FOUND, `${what} ${id} does not exist`, 'id'),
  conflict: (message: string, field?: string) => new AppError(ErrorCode.CONFLICT, message, field),
  invalidCredentials: () => new AppError(ErrorCode.INVALID_CREDENTIALS, 'Wrong handle or password'),
  badCursor: () => new AppError(ErrorCode.BAD_CURSOR, 'The cursor is not valid for this list', 'after'),
};

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/**
 * The disk (or the account's quota on it) is full. Node reports ENOSPC/EDQUOT as a code; sharp and
 * ffmpeg only say so in their message text.
 */
export function isStorageFull(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error ? String(error.code) : '';
  if (code === 'ENOSPC' || code === 'EDQUOT') return true;
  return error instanceof Error && /No space left on device|Disk quota exceeded/i.test(error.message);
}
