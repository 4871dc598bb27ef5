import { createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { EVENT_TYPES, type EventType } from '../models/schema/events';

/** The event names of the interaction log: the database's event types. */
export const EVENT_NAMES = EVENT_TYPES;
export type EventName = EventType;

export interface Interaction {
  user: string;
  item: string;
  event: EventName;
  ts: number;
  value: number | null;
}

const EVENTS: ReadonlySet<string> = new Set(EVENT_NAMES);
/** MovieLens ratings from this value up also count as a like, the usual threshold for "relevant" on a 5-star scale. */
const LIKE_RATING = 4;
/** Output is handed to the file stream in chunks of about this many characters rather than a write per row. */
const CHUNK_CHARS = 64 * 1024;

/** Orders ids by UTF-16 code units: unlike localeCompare, the same on every machine and locale, and fast. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads an interaction log: a CSV file whose header names the columns user, item, event, ts and optionally
 * value, in any order. Blank lines are skipped; a malformed row fails the whole read, naming file and line.
 */
export async function readInteractions(file: string): Promise<Interaction[]> {
  const interactions: Interaction[] = [];
  await readCsv(file, ['user', 'item', 'event', 'ts'], ['value'], (row) => {
    const event = row.event;
    if (!EVENTS.has(event)) throw new Error(`unknown event "${event}"`);
    interactions.push({
      user: nonEmpty('user', row.user),
      item: nonEmpty('item', row.item),
      event: event as EventName,
      ts: finite('ts', row.ts),
      value: row.value === undefined || row.value === '' ? null : finite('value', row.value),
    });
  });
  return interactions;
}

/**
 * Reads one user id per line, skipping blank lines and a first line that is exactly `user`, and keeping the
 * first occurrence of a repeated id. A line that starts with a double quote is read as one quoted CSV field,
 * so ids containing commas can be listed the way a CSV export writes them.
 */
export async function readUserList(file: string): Promise<string[]> {
  const users = new Set<string>();
  let first = true;
  for await (const [lineNumber, line] of fileLines(file)) {
    if (line === '') continue;
    const header = first && line === 'user';
    first = false;
    if (header) continue;
    users.add(line.startsWith('"') ? atLine(file, lineNumber, () => singleField(line)) : line);
  }
  return [...users];
}

/** Writes `user,item,rank,score` rows, scores to 6 significant digits, at the pace the disk takes them. */
export async function writeRecommendations(
  file: string,
  rows: Iterable<{ user: string; item: string; rank: number; score: number }>,
): Promise<void> {
  await pipeline(Readable.from(recommendationChunks(rows)), createWriteStream(file));
}

/**
 * Turns MovieLens ratings (ml-latest-small's ratings.csv) into the log contract: every rating is a view, and a
 * rating of 4 or more is also a like at the same time. A view's value is a watch ratio or seconds on screen in
 * the contract; a rating is neither, so the views carry none.
 */
export async function movieLensInteractions(ratingsCsv: string): Promise<Interaction[]> {
  const interactions: Interaction[] = [];
  await readCsv(ratingsCsv, ['userId', 'movieId', 'rating', 'timestamp'], [], (row) => {
    const user = nonEmpty('userId', row.userId);
    const item = nonEmpty('movieId', row.movieId);
    const ts = finite('timestamp', row.timestamp);
    const rating = finite('rating', row.rating);
    interactions.push({ user, item, event: 'view', ts, value: null });
    if (rating >= LIKE_RATING) interactions.push({ user, item, event: 'like', ts, value: null });
  });
  return interactions;
}

type CsvRow<Required extends string, Optional extends string> = Record<Required, string> & Partial<Record<Optional, string>>;

/**
 * Streams a CSV file through `onRow`, by column name. The first non-blank line is the header: it must name
 * every required column, may name optional ones, and nothing else. Whatever `onRow` throws is reported with
 * the file and line number.
 */
async function readCsv<Required extends string, Optional extends string>(
  file: string,
  required: readonly Required[],
  optional: readonly Optional[],
  onRow: (row: CsvRow<Required, Optional>) => void,
): Promise<void> {
  let columns: string[] | null = null;
  for await (const [lineNumber, line] of fileLines(file)) {
    if (line === '') continue;
    atLine(file, lineNumber, () => {
      const fields = splitCsvLine(line);
      if (columns === null) {
        columns = checkHeader(fields, required, optional);
        return;
      }
      const names = columns;
      if (fields.length !== names.length) throw new Error(`expected ${names.length} columns, found ${fields.length}`);
      const row: Record<string, string> = {};
      names.forEach((name, column) => (row[name] = fields[column]!));
      onRow(row as CsvRow<Required, Optional>);
    });
  }
  if (columns === null) throw new Error(`${file}: no header line`);
}

function checkHeader(names: string[], required: readonly string[], optional: readonly string[]): string[] {
  const known = new Set([...required, ...optional]);
  const seen = new Set<string>();
  for (const name of names) {
    if (!known.has(name)) throw new Error(`unexpected column "${name}" in the header (expected ${[...known].join(', ')})`);
    if (seen.has(name)) throw new Error(`column "${name}" appears twice in the header`);
    seen.add(name);
  }
  const missing = required.filter((name) => !seen.has(name));
  if (missing.length > 0) throw new Error(`header lacks column(s) ${missing.join(', ')}`);
  return names;
}

/** Yields each line trimmed, with its 1-based number; `\r\n` and `\n` both end a line. */
async function* fileLines(file: string): AsyncGenerator<[number, string]> {
  const handle = await open(file);
  const input = handle.createReadStream({ encoding: 'utf8' });
  const reader = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const line of reader) yield [++lineNumber, line.trim()];
  } finally {
    // A reader that stops early (a malformed row) must release the file now, not at garbage collection.
    reader.close();
    input.destroy();
  }
}

function atLine<T>(file: string, lineNumber: number, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new Error(`${file}:${lineNumber}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
}

/**
 * Splits one CSV line on commas. A field may be double-quoted, with `""` standing for a quote inside it;
 * unquoted fields are trimmed. A quoted field cannot span lines.
 */
function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let at = 0;
  for (;;) {
    while (line[at] === ' ' || line[at] === '\t') at++;
    if (line[at] !== '"') {
      const comma = line.indexOf(',', at);
      fields.push(line.slice(at, comma < 0 ? line.length : comma).trim());
      if (comma < 0) return fields;
      at = comma + 1;
      continue;
    }
    let field = '';
    for (at++; ;) {
      const quote = line.indexOf('"', at);
      if (quote < 0) throw new Error('unterminated quoted field');
      field += line.slice(at, quote);
      at = quote + 1;
      if (line[at] !== '"') break;
      field += '"';
      at++;
    }
    while (line[at] === ' ' || line[at] === '\t') at++;
    fields.push(field);
    if (at === line.length) return fields;
    if (line[at] !== ',') throw new Error(`unexpected text after a quoted field at column ${at + 1}`);
    at++;
  }
}

function singleField(line: string): string {
  const fields = splitCsvLine(line);
  if (fields.length !== 1) throw new Error(`expected one id, found ${fields.length} fields`);
  return nonEmpty('user', fields[0]!);
}

function nonEmpty(column: string, text: string): string {
  if (text === '') throw new Error(`empty ${column}`);
  return text;
}

function finite(column: string, text: string): number {
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new Error(`${column} is not a finite number: "${text}"`);
  return value;
}

function* recommendationChunks(rows: Iterable<{ user: string; item: string; rank: number; score: number }>): Generator<string> {
  let chunk = 'user,item,rank,score\n';
  for (const { user, item, rank, score } of rows) {
    chunk += `${csvField(user)},${csvField(item)},${rank},${Number(score.toPrecision(6))}\n`;
    if (chunk.length >= CHUNK_CHARS) {
      yield chunk;
      chunk = '';
    }
  }
  yield chunk;
}

/** Quotes a field that would otherwise split, break the line, or lose edge spaces to a reader that trims. */
function csvField(text: string): string {
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
