import express, { type Request, type Response, type Router } from 'express';
import { EXPORT_TABLES, type ExportTable } from '../commerce/analytics-export';
import type { ScopeKind } from '../commerce/analytics.service';
import { exportOrders } from '../commerce/orders-export';
import { databaseInputError } from '../core/db';
import { ErrorCode, errors, isAppError, type ErrorCode as Code } from '../core/errors';
import type { Logger } from '../core/logger';
import type { OrderRow } from '../models/repositories/commerce.repository';
import type { Services } from '../services';
import { bearerToken } from './context';

const STATUS: Partial<Record<Code, number>> = {
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.RATE_LIMITED]: 429,
};
const SCOPES: readonly ScopeKind[] = ['brand', 'product', 'note', 'creator'];
const ORDER_STATUSES: readonly OrderRow['status'][] = ['pending', 'paid', 'expired'];
/** Excel reads a CSV file as the machine's legacy code page unless it starts with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * GET /exports/analytics.csv and /exports/orders.csv: the console's tables as files a spreadsheet opens (UTF-8 with a
 * BOM, RFC 4180), with the same figures and the same access rules as the GraphQL API, which only has them as strings.
 * Refusals are JSON with an error status, never a file.
 */
export function exportsRouter(services: Pick<Services, 'accounts' | 'analyticsExport' | 'orders'>, logger: Logger): Router {
  const router = express.Router();
  const actorOf = (req: Request) => services.accounts.viewerFromToken(bearerToken(req.headers.authorization));

  router.get('/analytics.csv', (req, res) =>
    answer(res, logger, async () => {
      const q = queryOf(req);
      const { filename, csv } = await services.analyticsExport(await actorOf(req), {
        table: oneOf(q.table, EXPORT_TABLES, 'table') as ExportTable,
        scope: { kind: oneOf(q.scope, SCOPES, 'scope'), id: required(q.id, 'id') },
        range: { from: dateOf(q.from, 'from'), to: dateOf(q.to, 'to') },
        interval: q.interval === undefined ? undefined : oneOf(q.interval, ['day', 'hour'] as const, 'interval'),
        currency: q.currency,
        limit: q.first === undefined ? undefined : intOf(q.first, 'first'),
      });
      sendFile(res, filename);
      res.end(csv);
    }),
  );

  router.get('/orders.csv', (req, res) =>
    answer(res, logger, async () => {
      const { status } = queryOf(req);
      const wanted = status === undefined || status === 'all' ? null : oneOf(status, ORDER_STATUSES, 'status');
      const { filename, lines } = await exportOrders(services.orders, await actorOf(req), wanted, new Date());
      sendFile(res, filename);
      for await (const chunk of lines) if (!res.write(chunk)) await new Promise((resolve) => res.once('drain', resolve));
      res.end();
    }),
  );
  return router;
}

function sendFile(res: Response, filename: string): void {
  res.status(200);
  res.setHeader('content-type', 'text/csv; charset=utf-8');
  res.setHeader(
    'content-disposition',
    `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
  );
  res.setHeader('cache-control', 'private, no-store');
  res.write(BOM);
}

async function answer(res: Response, logger: Logger, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (thrown) {
    const error = databaseInputError(thrown) ?? thrown;
    if (res.headersSent) {
      // Mid-file, the status is gone: cutting the connection is the only way to tell the client the file is incomplete.
      logger.error({ err: error }, 'CSV export failed while writing');
      res.destroy();
      return;
    }
    if (!isAppError(error)) {
      logger.error({ err: error }, 'CSV export failed');
      res.status(500).json({ error: { code: ErrorCode.INTERNAL, message: 'Internal error' } });
      return;
    }
    res.status(STATUS[error.code] ?? 400).json({ error: { code: error.code, message: error.message, field: error.field ?? null } });
  }
}

function queryOf(req: Request): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(req.query)) if (typeof value === 'string') out[key] = value;
  return out;
}

function required(value: string | undefined, field: string): string {
  if (!value) throw errors.badInput(`${field}: required`, field);
  return value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T)) throw errors.badInput(`${field}: one of ${allowed.join(', ')}`, field);
  return value as T;
}

function dateOf(value: string | undefined, field: string): Date {
  const at = new Date(required(value, field));
  if (Number.isNaN(at.getTime())) throw errors.badInput(`${field}: an ISO 8601 date`, field);
  return at;
}

function intOf(value: string, field: string): number {
  if (!/^\d{1,4}$/.test(value)) throw errors.badInput(`${field}: a whole number`, field);
  return Number(value);
}
