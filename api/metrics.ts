import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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
