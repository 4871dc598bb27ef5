import { authHeaders } from '../session';

/** The API's refusal of an export (`{ error: { code, message } }`), or a network failure's message. */
export class ExportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The file name a `Content-Disposition: attachment` header gives, RFC 5987's UTF-8 form first. */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) return decodeURIComponent(extended[1]);
  const plain = /filename\s*=\s*"([^"]+)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  return (plain?.[1] ?? plain?.[2] ?? fallback).trim();
}

/**
 * Fetches an export with the session's bearer token (a plain link could not send it) and saves the body as the file
 * the server names. The bytes are saved as they came, BOM included, so that Excel reads the Chinese in them as UTF-8.
 */
export async function downloadCsv(path: string, params: Record<string, string | undefined>): Promise<void> {
  const query = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined));
  const response = await fetch(`${path}?${query}`, { headers: authHeaders() });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    throw new ExportError(body?.error?.code ?? String(response.status), body?.error?.message ?? response.statusText);
  }
  saveBlob(await response.blob(), filenameOf(response.headers.get('content-disposition'), path.split('/').pop() ?? 'export.csv'));
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download by now; the URL would otherwise hold it until the page closes.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * A cell as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break, its quotes doubled. Text a
 * spreadsheet would run as a formula (note titles are anyone's) gets an apostrophe first, as the server's exports do.
 */
function cell(value: string | number | null): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = value === null ? '' : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A table as the server writes its exports: a UTF-8 BOM (for Excel), a header row, CRLF line ends. */
export function csvText(head: string[], rows: (string | number | null)[][]): string {
  return `\uFEFF${[head, ...rows].map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** Saves a table the API has no export for (it is all on screen already) as the same kind of file. */
export function saveCsv(filename: string, head: string[], rows: (string | number | null)[][]): void {
  saveBlob(new Blob([csvText(head, rows)], { type: 'text/csv;charset=utf-8' }), filename);
}
