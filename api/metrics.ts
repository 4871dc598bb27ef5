import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from '../core/config';
import { bearerToken } from './context';

export type Metrics = ReturnType<typeof createMetrics>;

/** One registry per app, so tests can build several apps in one process without clashes. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by route, method and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    graphqlOperations: new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by name and outcome',
      labelNames: ['operation', 'outcome'] as const,
      registers: [registry],
    }),
    sqlPerRequest: new Histogram({
      name: 'graphql_sql_queries_per_request',
      help: 'SQL statements issued per GraphQL request (development and test only)',
      buckets: [1, 2, 5, 10, 20, 50, 100],
      registers: [registry],
    }),
  };
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * GET /metrics: for the scraper, not the public. With METRICS_TOKEN it asks for that bearer token; without
 * it, production does not serve it at all (the figures describe the system to an attacker).
 */
export function metricsHandler(metrics: Metrics, config: Pick<Config, 'METRICS_TOKEN' | 'isProduction'>) {
  const expected = config.METRICS_TOKEN === undefined ? undefined : digest(config.METRICS_TOKEN);
  return async (req: Request, res: Response): Promise<void> => {
    if (!expected) {
      if (config.isProduction) {
        res.status(404).json({ code: 'NOT_FOUND', message: 'Not found' });
        return;
      }
    } else if (!timingSafeEqual(digest(bearerToken(req.headers.authorization) ?? ''), expected)) {
      res
        .status(401)
        .set('www-authenticate', 'Bearer')
        .json({ code: 'UNAUTHENTICATED', message: 'Metrics need the METRICS_TOKEN bearer token' });
      return;
    }
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
