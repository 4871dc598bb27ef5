import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { Config } from '../core/config';
import { queryCounter } from '../core/db';
import { ErrorCode, isAppError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { GraphQLContext } from './context';
import { operationDepth, pageAwareEstimator } from './limits';
import { jitGateway } from './jit-executor';
import type { Metrics } from './metrics';

const MAX_MEASURES_PER_DOCUMENT = 256;

type Limits = Pick<Config, 'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_COMPLEXITY' | 'isProduction'>;

export function createApollo(schema: GraphQLSchema, config: Limits, logger: Logger, metrics: Metrics): ApolloServer<GraphQLContext> {
  // Clients send the same few operations over and over, and Apollo hands back the same parsed
  // document for the same text: depth and cost are computed once per document, operation and variables.
  const measured = new WeakMap<DocumentNode, Map<string, { depth: number; cost: number | null }>>();
  const measure = (
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: string | undefined,
    variables: Record<string, unknown>,
  ) => {
    const depth = operationDepth(document, operationName);
    try {
      return { depth, cost: getComplexity({ schema, query: document, variables, operationName, estimators: [pageAwareEstimator] }) };
    } catch {
      // Variables that do not coerce: execution refuses them next with a precise BAD_USER_INPUT.
      return { depth, cost: null };
    }
  };
  const operationLimits: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const variables = request.variables ?? {};
          let known = measured.get(document);
          if (!known) measured.set(document, (known = new Map()));
          const key = `${request.operationName ?? ''} ${JSON.stringify(variables)}`;
          let limits = known.get(key);
          if (!limits) {
            limits = measure(schema, document, request.operationName, variables);
            // Variables that differ on every request (ids) must not grow this without end.
            if (known.size >= MAX_MEASURES_PER_DOCUMENT) known.clear();
            known.set(key, limits);
          }
          const { depth, cost } = limits;
          if (depth > config.GRAPHQL_MAX_DEPTH) {
            throw new GraphQLError(`Query is nested ${depth} levels deep; the limit is ${config.GRAPHQL_MAX_DEPTH}`, {
              extensions: { code: ErrorCode.QUERY_TOO_DEEP, http: { status: 400 } },
            });
          }
          if (cost !== null && cost > config.GRAPHQL_MAX_COMPLEXITY) {
            throw new GraphQLError(`Query cost ${cost} exceeds the limit of ${config.GRAPHQL_MAX_COMPLEXITY}; ask for fewer items`, {
              extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } },
            });
          }
        },
      };
    },
  };

  const observe: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, errors, response }) {
          const outcome = errors?.length ? 'error' : 'ok';
          metrics.graphqlOperations.inc({ operation: operationName ?? 'anonymous', outcome });
          const store = queryCounter.getStore();
          if (store) {
            metrics.sqlPerRequest.observe(store.count);
            if (!config.isProduction) response.http.headers.set('x-sql-queries', String(store.count));
          }
        },
      };
    },
  };

  return new ApolloServer<GraphQLContext>({
    gateway: jitGateway(schema),
    introspection: !config.isProduction,
    // main.ts owns shutdown: it drains HTTP first, then stops Apollo, jobs and connections in order.
    stopOnTerminationSignals: false,
    plugins: [
      operationLimits,
      observe,
      ApolloServerPluginCacheControlDisabled(),
      ...(config.isProduction ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    formatError: (formatted, error) => formatError(formatted, error, logger),
  });
}

/** Domain errors keep their stable code; anything unexpected is logged and shown as INTERNAL. */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (isAppError(original)) {
    return {
      ...formatted,
      message: original.message,
      extensions: { code: original.code, ...(original.field ? { field: original.field } : {}) },
    };
  }
  const code = formatted.extensions?.code;
  if (original && !(original instanceof GraphQLError) && (code === undefined || code === 'INTERNAL_SERVER_ERROR')) {
    logger.error({ err: original }, 'unexpected error while serving GraphQL');
    return {
      message: 'Something went wrong on our side; it has been logged',
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL },
    };
  }
  return formatted;
}
