import { authHeaders } from '../session';

export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The media pipeline's stable code when it refused the file (too_large, unsupported_type…). */
    readonly reason?: string,
  ) {
    super(message);
  }
}

/**
 * POST /uploads as multipart (field `file`) with the bearer token. XMLHttpRequest rather than fetch:
 * only it reports how much of the body has been sent, which a progress bar needs.
 */
export function uploadFile(file: File, onProgress: (percent: number) => void): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/uploads');
    for (const [name, value] of Object.entries(authHeaders())) xhr.setRequestHeader(name, value);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      const body = xhr.response as { id?: string; error?: { code?: string; message?: string; reason?: string } } | null;
      if (xhr.status === 201 && body?.id) resolve({ id: body.id });
      else
        reject(new UploadRefused(xhr.status, body?.error?.code ?? 'UNKNOWN', body?.error?.message ?? xhr.statusText, body?.error?.reason));
    };
    xhr.onerror = () => reject(new UploadRefused(0, 'NETWORK', 'network error'));
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}
