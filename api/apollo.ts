import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { GraphQLError, Kind, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { databaseInputError, databaseUnavailableError, queryCounter } from '../core/db';
import { ErrorCode, isAppError, RateLimitedError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { GraphQLContext } from './context';
import { limitRules, operationGuard, parseOptions, type OperationLimitsConfig } from './limits';
import { jitGateway } from './jit-executor';
import type { Metrics } from './metrics';

export function createApollo(
  schema: GraphQLSchema,
  config: OperationLimitsConfig,
  logger: Logger,
  metrics: Metrics,
): ApolloServer<GraphQLContext> {
  const guard = operationGuard(config);
  // Depth and cost run after validation: Apollo replaces the codes of validation errors, and these keep theirs.
  const operationLimits: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, contextValue }) {
          const refusal = guard(schema, document, request.operationName, request.variables ?? {});
          if (refusal) throw refusal;
          // The executor would run a subscription's root field once, as a query, with nothing to stream it through.
          if (operation?.operation === 'subscription') {
            throw new GraphQLError('Subscriptions are served over WebSocket at /graphql (graphql-ws protocol), not over HTTP', {
              extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
            });
          }
          if (operation?.operation === 'mutation') await contextValue.services.rateLimits.consume('mutation', contextValue.client);
        },
      };
    },
  };

  // Apollo answers a persisted query it does not support with status 200, the protocol's cue to resend the query
  // text. None of our clients sends one, so whatever does is making a bad request, and hears so.
  const noPersistedQueries: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart({ request }) {
      if (!request.extensions?.persistedQuery) return;
      return {
        async willSendResponse({ response }) {
          response.http.status = 400;
        },
      };
    },
  };

  // A client past a rate limit hears 429 and when to come back, whether the limit was met before the operation ran
  // (mutations) or inside it (log-in, events).
  const tooManyRequests: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      let limited: RateLimitedError | undefined;
      return {
        async didEncounterErrors({ errors }) {
          limited ??= errors.map((error) => error.originalError).find((error) => error instanceof RateLimitedError);
        },
        async willSendResponse({ response }) {
          if (!limited) return;
          response.http.status = 429;
          response.http.headers.set('retry-after', String(limited.retryAfterSeconds));
        },
      };
    },
  };

  const observe: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, errors, response }) {
          const outcome = errors?.length ? 'error' : 'ok';
          metrics.graphqlOperations.inc({ operation: operationLabel(operation), outcome });
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
    // "Did you mean …?" in validation errors spells out the schema that introspection-off hides.
    hideSchemaDetailsFromClientErrors: config.isProduction,
    parseOptions: parseOptions(config),
    // The web app sends its queries' text; the hash cache only added a way to fail (hashes of any type, any version).
    persistedQueries: false,
    validationRules: limitRules(config),
    // main.ts owns shutdown: it drains HTTP first, then stops Apollo, jobs and connections in order.
    stopOnTerminationSignals: false,
    plugins: [
      operationLimits,
      noPersistedQueries,
      tooManyRequests,
      observe,
      ApolloServerPluginCacheControlDisabled(),
      ...(config.isProduction ? [ApolloServerPluginLandingPageDisabled()] : []),
    ],
    formatError: (formatted, error) => formatError(formatted, error, logger),
  });
}

/**
 * What a metric calls an operation: its type and first root field, both names from the schema,
 * so that the label's values stay few. The operation's own name is the client's to choose (the
 * audit grew /metrics from 28 KB to 8.5 MB with made-up names); a document that did not validate
 * has no operation here.
 */
export function operationLabel(operation: OperationDefinitionNode | undefined): string {
  if (!operation) return 'invalid';
  const first = operation.selectionSet.selections[0];
  return `${operation.operation}.${first?.kind === Kind.FIELD ? first.name.value : 'fragment'}`;
}

/** Domain errors keep their stable code; anything unexpected is logged and shown as INTERNAL. */
export function formatError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const thrown = error instanceof GraphQLError ? error.originalError : error;
  const original = databaseInputError(thrown) ?? databaseUnavailableError(thrown) ?? thrown;
  if (isAppError(original)) {
    return {
      ...formatted,
      message: original.message,
      extensions: {
        code: original.code,
        ...(original.field ? { field: original.field } : {}),
        ...(original instanceof RateLimitedError ? { retryAfter: original.retryAfterSeconds } : {}),
      },
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
