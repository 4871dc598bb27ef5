import type { IncomingMessage, Server } from 'node:http';
import { getOperationAST, GraphQLError, parse, specifiedRules, validate, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { isAppError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { Services } from '../services';
import { formatError } from './apollo';
import { bearerToken, buildContext } from './context';
import { limitRules, operationGuard, parseOptions, type OperationLimitsConfig } from './limits';

type SubscriptionsConfig = OperationLimitsConfig & { HTTP_BODY_LIMIT_BYTES: number };
/** The client's address for an upgrade request, by the same trust proxy rule as Express's req.ip. */
export type ClientAddress = (request: IncomingMessage) => string;

/**
 * GraphQL subscriptions over WebSocket (the graphql-ws protocol) on the HTTP server's /graphql
 * path. The token travels in the connection parameters: { authorization: 'Bearer …' }. An operation
 * meets the same limits as over HTTP (tokens, aliases, directives, introspection, depth, cost), and a
 * message the same size limit as a request body.
 */
export function attachSubscriptions(
  server: Server,
  schema: GraphQLSchema,
  services: Services,
  logger: Logger,
  config: SubscriptionsConfig,
  clientAddress: ClientAddress,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server, path: '/graphql', maxPayload: config.HTTP_BODY_LIMIT_BYTES });
  const rules = [...specifiedRules, ...limitRules(config)];
  const guard = operationGuard(config);
  const handle = useServer(
    {
      schema,
      onSubscribe: async (ctx, _id, payload): Promise<ExecutionArgs | readonly GraphQLError[]> => {
        let document;
        try {
          document = parse(payload.query, parseOptions(config));
        } catch (error) {
          if (error instanceof GraphQLError) return [withCode(error, 'GRAPHQL_PARSE_FAILED')];
          throw error;
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length > 0) return invalid.map((error) => withCode(error, 'GRAPHQL_VALIDATION_FAILED'));
        const variables = payload.variables ?? {};
        const refusal = guard(schema, document, payload.operationName, variables);
        if (refusal) return [refusal];
        try {
          const contextValue = await buildContext(services, authorizationOf(ctx.connectionParams), clientAddress(ctx.extra.request));
          if (getOperationAST(document, payload.operationName)?.operation === 'mutation') {
            await services.rateLimits.consume('mutation', contextValue.client);
          }
          return { schema, document, operationName: payload.operationName, variableValues: variables, contextValue };
        } catch (error) {
          // A token that expired since the connection opened, or a client past its rate limit.
          if (isAppError(error)) return [new GraphQLError(error.message, { extensions: { code: error.code } })];
          throw error;
        }
      },
      // Errors carry the same stable codes as over HTTP.
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors ? { ...result, errors: result.errors.map((error) => formatError(error.toJSON(), error, logger)) } : undefined,
      onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error, logger)),
      // A bad token refuses the connection; each operation then builds its own context.
      onConnect: async (ctx) => {
        try {
          await services.accounts.viewerFromToken(bearerToken(authorizationOf(ctx.connectionParams)));
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

/** The code Apollo gives the same refusal over HTTP. */
function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { code } });
}
