import {
  getNamedType,
  isInterfaceType,
  isLeafType,
  isNonNullType,
  isObjectType,
  isUnionType,
  type GraphQLNamedType,
  type GraphQLOutputType,
} from 'graphql';
import { ACTORS, buildWorld, type ActorName, type World } from './authz-world';
import { CASES, type CaseSpec, type Outcome } from './authz-table';
import { excerpt, gql, isRecord, wsExchange, type DrillTarget, type GraphQLAnswer, type Report, type WsMessage } from './drill-kit';
import { loadSdlSchema, rootOperations, type RootOperation } from './sdl';

/** How deep the selection generated for a case goes: the operation's own fields and those of the objects it holds. */
const SELECTION_DEPTH = 2;

export interface AuthzMismatch {
  operation: string;
  variant: string;
  actor: ActorName;
  expected: Outcome;
  got: Outcome;
  detail: string;
  rule: string;
}

export interface AuthzResult {
  cases: number;
  mismatches: AuthzMismatch[];
  /** Operations of the schema that no case covers. */
  uncovered: string[];
  /** Cases naming an operation the schema no longer has. */
  stale: string[];
}

export interface AuthzOptions {
  log?: (line: string) => void;
  /** Print every case, not only the mismatches. */
  verbose?: boolean;
}

/**
 * Every query, mutation and subscription of the schema, called by each actor with the right ids, against the
 * expected outcomes of authz-table.ts. The operations come from the schema's SDL: one without a case is reported
 * as uncovered, loudly, rather than skipped.
 */
export async function runAuthz(target: DrillTarget, report: Report, options: AuthzOptions = {}): Promise<AuthzResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const started = performance.now();
  const schema = loadSdlSchema();
  const operations = rootOperations(schema);
  const { uncovered, stale } = coverage(operations, CASES);

  const world = await buildWorld(target, log);
  // In schema order (queries, mutations, subscriptions), then the cases that change the actors themselves, in the
  // table's order (logOut must come after becomeCreator, which it would refuse).
  const planned = operations.flatMap((op) => CASES.filter((c) => c.operation === op.key).map((spec) => ({ op, spec })));
  const last = (p: (typeof planned)[number]) => CASES.indexOf(p.spec);
  const ordered = [...planned.filter((p) => !p.spec.last), ...planned.filter((p) => p.spec.last).sort((a, b) => last(a) - last(b))];

  const mismatches: AuthzMismatch[] = [];
  let cases = 0;
  log(`authz: ${ordered.length} cases of ${operations.length} operations × ${ACTORS.length} actors`);
  for (const { op, spec } of ordered) {
    for (const actor of ACTORS) {
      cases += 1;
      const errorsBefore = target.serverErrors().length;
      let got: Outcome;
      let detail: string;
      try {
        ({ outcome: got, detail } = await runCase(target, world, op, spec, actor));
      } catch (error) {
        got = 'DRILL_ERROR';
        detail = error instanceof Error ? error.message : String(error);
      }
      const logged = target.serverErrors().slice(errorsBefore);
      if (logged.length > 0)
        detail += ` | server logged: ${logged.map((e) => `${e.msg} ${e.error ?? ''} ${topFrame(e.stack)}`).join(' ; ')}`;
      const expected = spec.expect[actor];
      const label = `${op.key}${spec.variant ? ` [${spec.variant}]` : ''}`;
      if (got !== expected) {
        mismatches.push({ operation: op.key, variant: spec.variant, actor, expected, got, detail, rule: spec.rule });
        log(`  MISMATCH ${label} as ${actor}: expected ${expected}, got ${got} — ${excerpt(detail, 400)}`);
      } else if (options.verbose) log(`  ok ${label} as ${actor}: ${got}`);
    }
  }

  if (uncovered.length > 0) {
    log('');
    log(`!!! authz: ${uncovered.length} operation(s) of the schema have NO authorization case: ${uncovered.join(', ')}`);
    log('!!! add their expected outcomes to bench/drill/authz-table.ts');
  }
  if (stale.length > 0) log(`!!! authz: cases name operations the schema no longer has: ${stale.join(', ')}`);
  log(`authz: ${cases} cases, ${mismatches.length} mismatches, ${uncovered.length} uncovered operations`);
  report({
    authz_operations: operations.length,
    authz_cases: cases,
    authz_mismatches: mismatches.length,
    authz_uncovered: uncovered.length,
    ...(uncovered.length > 0 ? { authz_uncovered_operations: uncovered.join(',') } : {}),
    authz_stale_cases: stale.length,
    authz_seconds: Math.round((performance.now() - started) / 100) / 10,
  });
  return { cases, mismatches, uncovered, stale };
}

/** The schema's operations no case covers, and the cases of operations the schema no longer has. */
export function coverage(operations: readonly RootOperation[], cases: readonly Pick<CaseSpec, 'operation'>[]) {
  const keys = new Set(operations.map((op) => op.key));
  return {
    uncovered: operations.filter((op) => !cases.some((c) => c.operation === op.key)).map((op) => op.key),
    stale: [...new Set(cases.filter((c) => !keys.has(c.operation)).map((c) => c.operation))],
  };
}

async function runCase(
  target: DrillTarget,
  world: World,
  op: RootOperation,
  spec: CaseSpec,
  actor: ActorName,
): Promise<{ outcome: Outcome; detail: string }> {
  const variables = await spec.args(world, actor);
  const document = operationDocument(op, variables, spec.selection);
  const token = world.token(actor);
  const { outcome, value, detail } =
    op.kind === 'subscription'
      ? classifyWs(await subscribeOnce(target, document, variables, token), op.name)
      : classifyHttp(await gql(target, document, variables, token), op.name);
  if (outcome === 'OK' && spec.observe) return { outcome: spec.observe(value, world), detail };
  return { outcome, detail };
}

/**
 * `query DrillX($a: T!, ...) { x(a: $a, ...) { ... } }` for the arguments the case gives, typed as the schema
 * declares them; an argument the schema does not have, or a required one missing, is the table's mistake.
 */
export function operationDocument(op: RootOperation, variables: Record<string, unknown>, selection?: string): string {
  const declared = new Map(op.field.args.map((arg) => [arg.name, arg]));
  const unknown = Object.keys(variables).filter((name) => !declared.has(name));
  if (unknown.length > 0) throw new Error(`the case gives ${op.key} arguments the schema does not have: ${unknown.join(', ')}`);
  const missing = op.field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined && !(arg.name in variables));
  if (missing.length > 0) throw new Error(`the case misses required arguments of ${op.key}: ${missing.map((a) => a.name).join(', ')}`);
  const names = Object.keys(variables);
  const definitions = names.map((name) => `$${name}: ${String(declared.get(name)?.type)}`).join(', ');
  const args = names.map((name) => `${name}: $${name}`).join(', ');
  const set = selection ?? selectionFor(op.field.type, SELECTION_DEPTH) ?? '';
  const opName = `Drill${op.name[0]?.toUpperCase() ?? ''}${op.name.slice(1)}`;
  return `${op.kind} ${opName}${definitions ? `(${definitions})` : ''} { ${op.name}${args ? `(${args})` : ''} ${set} }`;
}

/**
 * The leaf fields of a type that need no arguments, and those of the objects it holds down to `depth`; null when
 * an object type has nothing to select at this depth.
 */
export function selectionFor(type: GraphQLOutputType, depth: number): string | null {
  const named: GraphQLNamedType = getNamedType(type);
  if (isLeafType(named)) return '';
  if (isUnionType(named) || isInterfaceType(named)) {
    const members = isUnionType(named) ? named.getTypes() : [];
    const fragments = members.map((m) => `... on ${m.name} ${selectionFor(m, depth) ?? '{ __typename }'}`);
    return `{ __typename ${fragments.join(' ')} }`;
  }
  if (!isObjectType(named)) return null;
  const parts: string[] = [];
  for (const field of Object.values(named.getFields())) {
    if (field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined)) continue;
    if (isLeafType(getNamedType(field.type))) parts.push(field.name);
    else if (depth > 1) {
      const sub = selectionFor(field.type, depth - 1);
      if (sub) parts.push(`${field.name} ${sub}`);
    }
  }
  return parts.length > 0 ? `{ ${parts.join(' ')} }` : null;
}

interface Classified {
  outcome: Outcome;
  value: unknown;
  detail: string;
}

/** An answer as the table speaks of it: OK, NULL, or the code of the refusal (errors first, then a payload's error). */
export function classifyResult(result: { data?: unknown; errors?: unknown }, field: string): Classified {
  const errors = Array.isArray(result.errors) ? result.errors : [];
  const data = isRecord(result.data) ? result.data : undefined;
  const value = data?.[field];
  const first: unknown = errors[0];
  if (isRecord(first)) {
    const code = isRecord(first.extensions) && typeof first.extensions.code === 'string' ? first.extensions.code : 'ERROR';
    return { outcome: code, value, detail: String(first.message) };
  }
  if (value === null || value === undefined) return { outcome: 'NULL', value, detail: 'null' };
  if (isRecord(value) && isRecord(value.error)) {
    return { outcome: String(value.error.code), value, detail: String(value.error.message) };
  }
  return { outcome: 'OK', value, detail: excerpt(value, 200) };
}

function classifyHttp(answer: GraphQLAnswer, field: string): Classified {
  if (answer.status === 0) return { outcome: 'NETWORK', value: undefined, detail: answer.raw ?? '' };
  if (answer.status >= 500 && !answer.errors) return { outcome: `HTTP_${answer.status}`, value: undefined, detail: answer.raw ?? '' };
  if (answer.raw !== undefined) return { outcome: `HTTP_${answer.status}`, value: undefined, detail: answer.raw };
  const classified = classifyResult(answer, field);
  return answer.status >= 500 ? { ...classified, outcome: `HTTP_${answer.status}:${classified.outcome}` } : classified;
}

/** Subscribes over graphql-ws and takes the first answer to the operation, then completes it. */
function subscribeOnce(target: DrillTarget, query: string, variables: Record<string, unknown>, token: string | undefined) {
  return wsExchange(target.wsUrl, {
    token,
    frames: [JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } })],
    waitMs: 8000,
    doneWhen: (message) => message.id === '1' && ['next', 'error', 'complete'].includes(String(message.type)),
  });
}

function classifyWs(outcome: Awaited<ReturnType<typeof wsExchange>>, field: string): Classified {
  const none = { value: undefined };
  if (outcome.failure && !outcome.opened) return { ...none, outcome: 'NETWORK', detail: outcome.failure };
  const answer: WsMessage | undefined = outcome.messages.find((m) => m.id === '1');
  if (!answer) {
    if (outcome.serverCloseCode !== undefined) {
      return { ...none, outcome: `WS_CLOSE_${outcome.serverCloseCode}`, detail: outcome.serverCloseReason ?? '' };
    }
    return { ...none, outcome: outcome.acked ? 'TIMEOUT' : 'NO_ACK', detail: excerpt(outcome.messages) };
  }
  if (answer.type === 'error') return classifyResult({ errors: answer.payload }, field);
  if (answer.type === 'next' && isRecord(answer.payload)) return classifyResult(answer.payload, field);
  return { ...none, outcome: 'COMPLETE_WITHOUT_DATA', detail: excerpt(outcome.messages) };
}

/** The first frame of a stack in the product's own code, to say where an error comes from. */
export function topFrame(stack: string | undefined): string {
  const frames = (stack ?? '').split('\n').filter((line) => line.includes(' at ') && !line.includes('node_modules'));
  return frames[0]?.trim() ?? '';
}
