/** Why a file was refused, as a stable code a client can branch on. */
export type RejectionReason =
  'too_large' | 'too_many_pixels' | 'too_long' | 'unsupported_type' | 'corrupt' | 'no_video_stream' | 'processing_failed';

/**
 * A file the pipeline will not accept. Its message is written for the creator who uploaded it
 * (what is wrong and what to do), because it is shown to them as the reason a note failed.
 */
export class MediaRejectedError extends Error {
  constructor(
    readonly reason: RejectionReason,
    message: string,
  ) {
    super(message);
    this.name = 'MediaRejectedError';
  }
}

export function isMediaRejected(error: unknown): error is MediaRejectedError {
  return error instanceof MediaRejectedError;
}
