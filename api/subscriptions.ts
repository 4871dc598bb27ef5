import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { isAppError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Services } from '../services';
import { formatError } from './apollo';
import { bearerToken, buildContext } from './context';

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the HTTP server's /graphql
 * path. The token travels in the connection parameters: { authorization: 'Bearer …' }.
 */
export function attachSubscriptions(server: Server, schema: GraphQLSchema, services: Services, logger: Logger): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql' });
  const handle = useServer(
    {
      schema,
      context: (ctx) => buildContext(services, authorizationOf(ctx.connectionParams)),
      // Errors carry the same stable codes as over HTTP.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error, logger)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error, logger)),
      // A bad token refuses the connection; each operation then builds its own context.
      onConnect: (ctx) => {
        try {
          services.accounts.viewerFromToken(bearerToken(authorizationOf(ctx.connectionParams)));
          return true;
        } catch (error) {
          if (isAppError(error)) return false;
          throw error;
        }
      },
    },
    wss,
  );
  return {
    async close() {
      await handle.dispose();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function authorizationOf(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const authorization = params?.authorization;
  return typeof authorization === 'string' ? authorization : undefined;
}
