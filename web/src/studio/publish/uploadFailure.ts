import type { PlainMessageKey } from '../../i18n/messages';

/** What went wrong with one file, as the upload (HTTP) or the media pipeline (subscription) said it. */
export interface UploadFailure {
  /** The pipeline's stable code, when it refused the file. */
  reason?: string;
  /** The HTTP status of a refused POST /uploads; 0 when the connection was lost. */
  status?: number;
  code?: string;
}

const BY_REASON: Record<string, PlainMessageKey> = {
  too_large: 'studio.fail.tooLarge',
  too_many_pixels: 'studio.fail.tooManyPixels',
  too_long: 'studio.fail.tooLong',
  unsupported_type: 'studio.fail.unsupportedType',
  corrupt: 'studio.fail.corrupt',
  no_video_stream: 'studio.fail.noVideoStream',
  processing_failed: 'studio.fail.processingFailed',
};

const BY_CODE: Record<string, PlainMessageKey> = {
  QUOTA_EXCEEDED: 'studio.fail.quota',
  RATE_LIMITED: 'studio.fail.rateLimited',
  STORAGE_FULL: 'studio.fail.serverBusy',
  SERVICE_UNAVAILABLE: 'studio.fail.serverBusy',
  FORBIDDEN: 'studio.fail.forbidden',
  UNAUTHENTICATED: 'studio.fail.signedOut',
};

/** The words a creator can act on: the reason code first, then the refusal's code, then its HTTP status. */
export function failureMessage(failure: UploadFailure): PlainMessageKey {
  const byReason = failure.reason ? BY_REASON[failure.reason] : undefined;
  if (byReason) return byReason;
  const byCode = failure.code ? BY_CODE[failure.code] : undefined;
  if (byCode) return byCode;
  if (failure.status === 0) return 'studio.fail.connectionLost';
  if (failure.status === 413) return 'studio.fail.tooLarge';
  if (failure.status === 415) return 'studio.fail.unsupportedType';
  if (failure.status === 429) return 'studio.fail.rateLimited';
  return 'studio.fail.unknown';
}

/** A lost connection or a busy server is worth another try of the same file; a refused file is not. */
export function canRetry(failure: UploadFailure): boolean {
  return failure.status === 0 || failure.code === 'SERVICE_UNAVAILABLE' || failure.code === 'RATE_LIMITED' || failure.status === 500;
}
