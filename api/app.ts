import type { Server } from 'node:http';
import path from 'node:path';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import proxyAddress from 'proxy-addr';
import { GraphQLError } from 'graphql';
import type { Config } from '../core/config';
import { queryCounter } from '../core/db';
import { isAppError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Services } from '../services';
import { createApollo } from './apollo';
import { buildContext } from './context';
import { mediaFilesRouter } from './media-files';
import { securityHeaders, webContentPolicy } from './security-headers';
import { createMetrics, metricsHandler } from './metrics';
import { buildSchema } from './schema';
import { attachSubscriptions, type ClientAddress } from './subscriptions';
import { adminRouter } from './admin';
import { exportsRouter } from './exports';
import { webhooksRouter } from './webhooks';
import { uploadsRouter } from './uploads';
import { webRouter } from './web';

export interface ApiDeps {
  services: Services;
  config: Config;
  logger: Logger;
  /** Each dependency the API needs to serve, and whether it answers. */
  checkReadiness: () => Promise<Record<string, boolean>>;
  /** The job queues' dashboard, served to admins at /admin/queues (jobs/board.ts). */
  queueBoard?: express.Router;
}

export interface Api {
  app: express.Express;
  /** Serves GraphQL subscriptions (graphql-ws) on the listening server's /graphql. */
  attach(server: Server): void;
  /** Waits up to `graceMs` for GraphQL requests still being resolved, then stops Apollo. */
  stop(graceMs: number): Promise<void>;
}

/** The API's own top-level paths; any other path is the web app's, and the metrics name none of them. */
const ROUTES = new Set(['graphql', 'uploads', 'media', 'webhooks', 'exports', 'admin', 'healthz', 'readyz', 'metrics']);

/** A request's route as a metric label, from a fixed set: the path itself is the client's to choose. */
function routeLabel(req: Request): string {
  const top = req.path.split('/')[1] ?? '';
  return ROUTES.has(top) ? top : 'web';
}

/** Express's trust proxy from TRUST_PROXY: a hop count, or the addresses and names of the proxies. */
function trustProxy(setting: string | undefined): number | string[] | false {
  if (!setting) return false;
  if (/^\d+$/.test(setting)) return Number(setting);
  return setting.split(',').map((part) => part.trim());
}

export async function createApi({ services, config, logger, checkReadiness, queueBoard }: ApiDeps): Promise<Api> {
  const metrics = createMetrics();
  const schema = buildSchema();
  const apollo = createApollo(schema, config, logger, metrics);
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', trustProxy(config.TRUST_PROXY));
  // WebSocket upgrades never reach Express: they get req.ip's answer from the rule Express compiled.
  const trusted = app.get('trust proxy fn') as Parameters<typeof proxyAddress>[1];
  const clientAddress: ClientAddress = (request) => proxyAddress(request, trusted);
  app.use(securityHeaders());
  app.use((req: Request, res: Response, next: NextFunction) => {
    const stopTimer = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => stopTimer({ route: routeLabel(req), status: String(res.statusCode) }));
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const checks = await checkReadiness();
    const ready = Object.values(checks).every(Boolean);
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  app.get('/metrics', metricsHandler(metrics, config));

  app.use('/uploads', uploadsRouter(services, path.join(config.MEDIA_DIR, '.incoming'), logger));
  app.use('/media', mediaFilesRouter(services.storage));
  app.use('/webhooks', webhooksRouter(services, logger));
  app.use('/exports', exportsRouter(services, logger));
  app.use('/admin', adminRouter(services, queueBoard));

  // Counting SQL per request needs AsyncLocalStorage, whose promise hooks cost about a third of
  // the feed's throughput (measured: 70 vs 109 req/s), so only development and tests count.
  const countQueries = (_req: Request, _res: Response, next: NextFunction): void =>
    config.isProduction ? next() : queryCounter.run({ count: 0 }, next);
  const inFlight = inFlightTracker();
  const graphql = expressMiddleware(apollo, {
    context: async ({ req }) => {
      try {
        return await buildContext(services, req.headers.authorization, req.ip);
      } catch (error) {
        if (!isAppError(error)) throw error;
        throw new GraphQLError(error.message, { extensions: { code: error.code, http: { status: 401 } } });
      }
    },
  });
  app.use('/graphql', countQueries, express.json({ limit: config.HTTP_BODY_LIMIT_BYTES }), (req, res, next) =>
    inFlight.track(Promise.resolve(graphql(req, res, next))),
  );
  // Last, so that no file of the build and no page of the app can stand in front of an API route.
  app.use(webContentPolicy(config), webRouter(config.WEB_DIST_DIR));

  // Body-parser refusals (oversized or malformed JSON) answer in GraphQL's error shape.
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? 500;
    if (status >= 500) logger.error({ err: error }, 'unhandled HTTP error');
    const code = error.type === 'entity.too.large' ? 'PAYLOAD_TOO_LARGE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
    const message =
      code === 'PAYLOAD_TOO_LARGE'
        ? `Request body exceeds ${config.HTTP_BODY_LIMIT_BYTES} bytes`
        : status < 500
          ? error.message
          : 'Internal error';
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  });

  let subscriptions: { close(): Promise<void> } | null = null;
  return {
    app,
    attach(server) {
      subscriptions = attachSubscriptions(server, schema, services, logger, config, clientAddress);
    },
    async stop(graceMs) {
      await subscriptions?.close();
      await Promise.race([inFlight.settled(), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      await apollo.stop();
      await services.mediaProgress.close();
    },
  };
}

/** Counts GraphQL requests whose resolvers are still running, including those whose client has gone. */
function inFlightTracker() {
  let count = 0;
  let waiting: (() => void)[] = [];
  return {
    async track(work: Promise<unknown>): Promise<void> {
      count += 1;
      try {
        await work;
      } finally {
        count -= 1;
        if (count === 0) {
          for (const resolve of waiting) resolve();
          waiting = [];
        }
      }
    },
    settled(): Promise<void> {
      return count === 0 ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
    },
  };
}
