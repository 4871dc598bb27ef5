import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  Kind,
  NoSchemaIntrospectionCustomRule,
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type ParseOptions,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import type { Config } from '../core/config';
import { ErrorCode } from '../core/errors';

/**
 * What one GraphQL operation may ask for, the same over HTTP and WebSocket. Every check fails closed: an operation whose
 * cost cannot be estimated is refused, never run unmeasured.
 */
export type OperationLimitsConfig = Pick<
  Config,
  'GRAPHQL_MAX_DEPTH' | 'GRAPHQL_MAX_COMPLEXITY' | 'GRAPHQL_MAX_TOKENS' | 'GRAPHQL_MAX_ALIASES' | 'GRAPHQL_MAX_DIRECTIVES' | 'isProduction'
>;

// Past this many nodes (fragments spread inside fragments multiply them) the estimator gives up, and so does the request.
const MAX_ESTIMATED_NODES = 10_000;
const MAX_MEASURES_PER_DOCUMENT = 256;

/** Parsing stops at the token limit: a document of 10,000 aliases is refused before it costs anything. */
export function parseOptions(config: OperationLimitsConfig): ParseOptions {
  return { maxTokens: config.GRAPHQL_MAX_TOKENS };
}

/** Rules run with GraphQL's own validation: aliases, directives, and introspection where it is off (production). */
export function limitRules(config: OperationLimitsConfig): ValidationRule[] {
  return [
    atMost(config.GRAPHQL_MAX_ALIASES, 'aliases', 'Field', (field) => field.kind === Kind.FIELD && field.alias !== undefined),
    atMost(config.GRAPHQL_MAX_DIRECTIVES, 'directives', 'Directive', () => true),
    ...(config.isProduction ? [NoSchemaIntrospectionCustomRule] : []),
  ];
}

/**
 * Depth, variables and cost of the operation a request runs: undefined when it may run, else the error to answer with.
 * Clients send the same few operations over and over, and the parser hands back the same document for the same text, so
 * each document, operation and variables is measured once.
 */
export function operationGuard(config: OperationLimitsConfig) {
  const measured = new WeakMap<DocumentNode, Map<string, GraphQLError | undefined>>();
  return (schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>) => {
    let known = measured.get(document);
    if (!known) measured.set(document, (known = new Map()));
    const key = `${operationName ?? ''} ${JSON.stringify(variables)}`;
    if (known.has(key)) return known.get(key);
    const verdict = judge(config, schema, document, operationName, variables);
    // Variables that differ on every request (ids) must not grow this without end.
    if (known.size >= MAX_MEASURES_PER_DOCUMENT) known.clear();
    known.set(key, verdict);
    return verdict;
  };
}

function judge(
  config: OperationLimitsConfig,
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): GraphQLError | undefined {
  const depth = operationDepth(document, operationName);
  if (depth > config.GRAPHQL_MAX_DEPTH) {
    return refusal(`Query is nested ${depth} levels deep; the limit is ${config.GRAPHQL_MAX_DEPTH}`, ErrorCode.QUERY_TOO_DEEP);
  }
  const operation = getOperationAST(document, operationName);
  const coerced = operation ? getVariableValues(schema, operation.variableDefinitions ?? [], variables) : undefined;
  if (coerced?.errors) {
    return refusal(coerced.errors.map((error) => error.message).join('; '), ErrorCode.BAD_USER_INPUT);
  }
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables,
      operationName: operationName ?? undefined,
      estimators: [pageAwareEstimator],
      maxQueryNodes: MAX_ESTIMATED_NODES,
    });
  } catch {
    return refusal('Query is too large to estimate its cost; ask for fewer fields or spread fewer fragments', ErrorCode.QUERY_TOO_COMPLEX);
  }
  if (cost > config.GRAPHQL_MAX_COMPLEXITY) {
    return refusal(
      `Query cost ${cost} exceeds the limit of ${config.GRAPHQL_MAX_COMPLEXITY}; ask for fewer items`,
      ErrorCode.QUERY_TOO_COMPLEX,
    );
  }
  return undefined;
}

function refusal(message: string, code: ErrorCode): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/** At most `max` of the nodes `visitor` counts, over the document as written (each fragment once). */
function atMost(max: number, what: string, visitor: 'Field' | 'Directive', counts: (node: ASTNode) => boolean): ValidationRule {
  return (context) => {
    let count = 0;
    return {
      [visitor](node: ASTNode) {
        if (counts(node)) count += 1;
      },
      Document: {
        leave() {
          if (count > max) context.reportError(new GraphQLError(`The document has ${count} ${what}; the limit is ${max}`));
        },
      },
    };
  };
}

/**
 * Depth of the deepest field path of the operation to run, following fragments (each fragment
 * once per path, so cyclic spreads cannot loop). Apollo replaces the codes of validation errors,
 * so this runs as a check after validation, where QUERY_TOO_DEEP survives.
 */
export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const depthOf = (set: SelectionSetNode | undefined, depth: number, visiting: ReadonlySet<string>): number => {
    if (!set) return depth;
    let deepest = depth;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!sel.name.value.startsWith('__')) deepest = Math.max(deepest, depthOf(sel.selectionSet, depth + 1, visiting));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthOf(sel.selectionSet, depth, visiting));
      } else if (!visiting.has(sel.name.value)) {
        const fragment = fragments.get(sel.name.value);
        deepest = Math.max(deepest, depthOf(fragment?.selectionSet, depth, new Set([...visiting, sel.name.value])));
      }
    }
    return deepest;
  };
  let deepest = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && def.name?.value !== operationName) continue;
    deepest = Math.max(deepest, depthOf(def.selectionSet, 0, new Set()));
  }
  return deepest;
}

/** Cost of a field: 1 plus its children, times the page size for paginated lists. */
export const pageAwareEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : 1;
  return 1 + childComplexity * first;
};
