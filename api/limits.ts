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
// Variables holding more values than this (a batch of events) are new on every request: keying a verdict on them would
// cost a serialisation and keep tens of kilobytes alive per entry, for a hit that never comes.
const MAX_REMEMBERED_VALUES = 64;
// No input type of the schema nests anywhere near this deep; JSON nested 100,000 deep overflows the stack of any
// recursive walk (JSON.stringify, coercion).
export const MAX_VARIABLE_DEPTH = 32;
// Twice a batch of 10,000 events (four values each); the body limit alone admits millions of tiny values, each coerced
// and keyed.
export const MAX_VARIABLE_VALUES = 100_000;

/** Parsing stops at the token limit: a document of 10,000 aliases is refused before it costs anything. */
export function parseOptions(config: OperationLimitsConfig): ParseOptions {
  return { maxTokens: config.GRAPHQL_MAX_TOKENS };
}

/**
 * Rules run with GraphQL's own validation: aliases, directives, names the executor cannot hold, and introspection
 * where it is off (production).
 */
export function limitRules(config: OperationLimitsConfig): ValidationRule[] {
  return [
    atMost(config.GRAPHQL_MAX_ALIASES, 'aliases', 'Field', (field) => field.kind === Kind.FIELD && field.alias !== undefined),
    atMost(config.GRAPHQL_MAX_DIRECTIVES, 'directives', 'Directive', () => true),
    noProtoNames,
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
    const read = readVariables(variables);
    if (read.refusal) return refusal(read.refusal, ErrorCode.BAD_USER_INPUT);
    if (read.values > MAX_REMEMBERED_VALUES) return judge(config, schema, document, operationName, variables);
    let known = measured.get(document);
    if (!known) measured.set(document, (known = new Map()));
    // An operationName of "" names no operation, while an absent one names the only one: the two must not share a verdict.
    const key = JSON.stringify([operationName ?? null, variables]);
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
  // Without this the operation would go unmeasured and unlimited, and the executor would still pick one to run.
  const operation = getOperationAST(document, operationName);
  if (!operation) {
    return refusal(
      operationName == null
        ? 'The document has several operations; say which one to run in operationName'
        : `The document has no operation named "${operationName}"`,
      ErrorCode.BAD_USER_INPUT,
    );
  }
  const depth = operationDepth(document, operationName);
  if (depth > config.GRAPHQL_MAX_DEPTH) {
    return refusal(`Query is nested ${depth} levels deep; the limit is ${config.GRAPHQL_MAX_DEPTH}`, ErrorCode.QUERY_TOO_DEEP);
  }
  let cost: number;
  try {
    cost = getComplexity({
      schema,
      query: document,
      variables: withoutLongLists(variables),
      operationName: operationName ?? undefined,
      estimators: [pageAwareEstimator],
      maxQueryNodes: MAX_ESTIMATED_NODES,
    });
  } catch {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
    if (coerced.errors) {
      return refusal(coerced.errors.map((error) => error.message).join('; '), ErrorCode.BAD_USER_INPUT);
    }
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

/**
 * The variables as the cost estimate needs them. It reads page sizes, never a list's items, but coerces every variable it
 * is given: coercing a batch of 500 events was most of an API process's time in this check. A long list counts as an
 * empty one; its items are coerced once, by the executor, which refuses a bad one as bad input before anything runs.
 */
function withoutLongLists(variables: Record<string, unknown>): Record<string, unknown> {
  const long = Object.entries(variables).filter(([, value]) => Array.isArray(value) && value.length > MAX_REMEMBERED_VALUES);
  return long.length === 0 ? variables : { ...variables, ...Object.fromEntries(long.map(([name]) => [name, []])) };
}

function refusal(message: string, code: ErrorCode): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 400 } } });
}

/**
 * graphql-jit keeps results and variables in plain objects, where assigning the key "__proto__" replaces the
 * prototype instead of storing a value: an alias so named answered {} in place of its data, and a variable so named
 * lost its value, which the resolver then failed on.
 */
const noProtoNames: ValidationRule = (context) => ({
  Field(node) {
    if (node.alias?.value === '__proto__') context.reportError(new GraphQLError('"__proto__" cannot be an alias', { nodes: node.alias }));
  },
  VariableDefinition(node) {
    if (node.variable.name.value === '__proto__') {
      context.reportError(new GraphQLError('"$__proto__" cannot name a variable', { nodes: node.variable }));
    }
  },
});

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
 * Depth of the deepest field path of the operation to run, following fragments. Each fragment is measured once and
 * its depth reused: a fragment spreading another twice, forty levels down, would otherwise be walked 2^40 times.
 * Apollo replaces the codes of validation errors, so this runs as a check after validation, where QUERY_TOO_DEEP
 * survives.
 */
export function operationDepth(document: DocumentNode, operationName?: string | null): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const fragmentDepths = new Map<string, number>();
  const entered = new Set<string>();
  const fragmentDepth = (name: string): number => {
    const known = fragmentDepths.get(name);
    if (known !== undefined) return known;
    // Validation refuses cyclic spreads; should one get here, it adds nothing rather than looping.
    if (entered.has(name)) return 0;
    entered.add(name);
    const depth = depthBelow(fragments.get(name)?.selectionSet);
    fragmentDepths.set(name, depth);
    return depth;
  };
  const depthBelow = (set: SelectionSetNode | undefined): number => {
    if (!set) return 0;
    let deepest = 0;
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        if (!sel.name.value.startsWith('__')) deepest = Math.max(deepest, 1 + depthBelow(sel.selectionSet));
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, depthBelow(sel.selectionSet));
      } else {
        deepest = Math.max(deepest, fragmentDepth(sel.name.value));
      }
    }
    return deepest;
  };
  let deepest = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    if (operationName && def.name?.value !== operationName) continue;
    deepest = Math.max(deepest, depthBelow(def.selectionSet));
  }
  return deepest;
}

/**
 * How many values the variables hold, and why they cannot be read when they cannot. Walked with a stack of its own, not
 * recursion, since nesting is exactly what it looks for.
 */
export function readVariables(variables: unknown): { values: number; refusal?: string } {
  const pending: { value: unknown; depth: number }[] = [{ value: variables, depth: 0 }];
  let values = 0;
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (typeof next.value !== 'object' || next.value === null) continue;
    const children = Object.values(next.value);
    if (children.length === 0) continue;
    if (next.depth >= MAX_VARIABLE_DEPTH) return { values, refusal: `Variables are nested more than ${MAX_VARIABLE_DEPTH} levels deep` };
    values += children.length;
    if (values > MAX_VARIABLE_VALUES) return { values, refusal: `Variables hold more than ${MAX_VARIABLE_VALUES} values` };
    for (const value of children) pending.push({ value, depth: next.depth + 1 });
  }
  return { values };
}

/** Cost of a field: 1 plus its children, times the page size for paginated lists. */
export const pageAwareEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const first = typeof args.first === 'number' && args.first > 0 ? args.first : 1;
  return 1 + childComplexity * first;
};
