import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError, ErrorCode, errors } from './errors';
import { durablePglite } from './pglite-fs';

// The only module that talks to a Postgres driver: PGlite (embedded, one process) or node-postgres.
export type Db = PgDatabase<PgQueryResultHKT>;
export type DbKind = 'pglite' | 'pg';

export interface Database {
  db: Db;
  kind: DbKind;
  migrate(migrationsFolder: string): Promise<void>;
  /** Bulk-loads rows with COPY: the fast path of seeding and benchmarks. */
  copyRows(table: string, columns: string[], rows: Iterable<readonly unknown[]>): Promise<number>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres:// URL of a server; when absent, PGlite is used. */
  url?: string | undefined;
  /** PGlite data directory; absent means in memory. */
  dataDir?: string | undefined;
  poolMax?: number;
}

// Any fixed 64-bit number serves, as long as nothing else in the database locks it.
const MIGRATION_LOCK_KEY = 7_336_120_447;

/** Counts the SQL statements issued inside `run`, so a request can report what it cost. */
export const queryCounter = new AsyncLocalStorage<{ count: number }>();

const countingLogger = {
  logQuery(): void {
    const store = queryCounter.getStore();
    if (store) store.count += 1;
  },
};

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  return options.url ? openPg(options.url, options.poolMax ?? 10) : openPglite(options.dataDir);
}

async function openPg(url: string, poolMax: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolMax });
  // A client losing its server must not crash the process: an idle one is reported on the pool, a checked-out one
  // (inside a transaction, a COPY, the migration lock) on itself, and an 'error' event with no listener throws.
  // The query in flight rejects on its own, and the pool connects afresh for the next one.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  const db = drizzlePg({ client: pool, logger: countingLogger }) as unknown as Db;
  return {
    db,
    kind: 'pg',
    async migrate(folder) {
      // Several processes (API replicas, worker, trainer) start against one server at once: the
      // first applies the migrations while the others wait, then find nothing left to do.
      const lock = await pool.connect();
      try {
        await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(drizzlePg({ client: pool }), { migrationsFolder: folder });
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
        lock.release();
      }
    },
    async copyRows(table, columns, rows) {
      const client = await pool.connect();
      try {
        let count = 0;
        const source = Readable.from(
          (function* () {
            for (const row of rows) {
              count += 1;
              yield toCsvLine(row);
            }
          })(),
        );
        const sink = client.query(
          copyFrom(`COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN WITH (FORMAT csv)`),
        );
        await pipeline(source, sink);
        return count;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const client = dataDir ? durablePglite(dataDir) : new PGlite();
  await client.waitReady;
  const db = drizzlePglite({ client, logger: countingLogger }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: (folder) => migratePglite(drizzlePglite({ client }), { migrationsFolder: folder }),
    async copyRows(table, columns, rows) {
      // PGlite has no COPY FROM STDIN; it reads a Blob through the virtual /dev/blob file.
      // Chunks keep the CSV of a million events from having to exist as one string.
      const statement = `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`;
      let count = 0;
      let chunk: string[] = [];
      const flush = async (): Promise<void> => {
        if (chunk.length === 0) return;
        await client.query(statement, [], { blob: new Blob([chunk.join('')]) });
        chunk = [];
      };
      for (const row of rows) {
        chunk.push(toCsvLine(row));
        count += 1;
        if (chunk.length >= 50_000) await flush();
      }
      await flush();
      return count;
    },
    async ping() {
      await client.query('SELECT 1');
    },
    close: () => client.close(),
  };
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function toCsvLine(row: readonly unknown[]): string {
  return `${row.map(toCsvField).join(',')}\n`;
}

function toCsvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return toCsvField(toPgArray(value));
  const text = String(value);
  return /[",\n\r]/.test(text) || text === '' ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A Postgres array literal, so a list travels as one bound parameter (or one CSV field). */
export function toPgArray(values: readonly unknown[]): string {
  const element = (v: unknown): string => {
    if (v === null || v === undefined) return 'NULL';
    const text = v instanceof Date ? v.toISOString() : String(v);
    // Ids, times and numbers, most of what a batch of events sends, hold nothing to escape.
    if (!text.includes('\\') && !text.includes('"')) return `"${text}"`;
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  };
  return `{${values.map(element).join(',')}}`;
}

/** Test helper: creates and drops throwaway databases on a server (each test file gets its own). */
/**
 * A value the database refused to store (SQLSTATE class 22, data exception: a NUL in text, a
 * number out of range): the client's input, answered as BAD_USER_INPUT rather than a server fault.
 */
export function databaseInputError(error: unknown): AppError | undefined {
  const cause = driverError(error);
  const code = codeOf(cause);
  if (!code.startsWith('22')) return undefined;
  return errors.badInput(`The input holds a value that cannot be stored (${(cause as Error).message})`);
}

/**
 * The database cannot be reached or is shutting down (connection refused or lost, SQLSTATE class 08,
 * 57P01-57P03): answered as SERVICE_UNAVAILABLE, which a client may retry, rather than as a server fault.
 */
export function databaseUnavailableError(error: unknown): AppError | undefined {
  const cause = driverError(error);
  const code = codeOf(cause);
  const lost =
    code.startsWith('08') ||
    ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(code) ||
    // node-postgres reports a connection that died under a query with no code, only these words.
    (cause instanceof Error && /Connection terminated|timeout exceeded when trying to connect|is not queryable/.test(cause.message));
  if (!lost) return undefined;
  return new AppError(ErrorCode.SERVICE_UNAVAILABLE, 'The database is unavailable for a moment; try again shortly');
}

/**
 * Runs `work` in a transaction whose queries each keep to one core and are not JIT-compiled, for reads
 * of many rows done in the background (the trainer's read of the event log). PostgreSQL does not know
 * its client is niced: it would scan with a parallel worker beside each scan and compile the scan first,
 * taking both cores of a small host from the API's queries for as long as the read lasts.
 */
export function backgroundTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL max_parallel_workers_per_gather = 0`);
    await tx.execute(sql`SET LOCAL jit = off`);
    return work(tx as unknown as Db);
  });
}

/** A transaction PostgreSQL aborted to resolve a conflict (serialization failure 40001, deadlock 40P01): running it again can succeed. */
export function isTransactionConflict(error: unknown): boolean {
  const code = codeOf(driverError(error));
  return code === '40001' || code === '40P01';
}

/** Drizzle wraps the driver's error (which carries the SQLSTATE) as its cause. */
function driverError(error: unknown): unknown {
  return error instanceof Error && error.cause instanceof Error ? error.cause : error;
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

export async function createServerDatabase(adminUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropServerDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** Rows of a raw `db.execute`: both drivers answer with an object carrying `rows`. */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
