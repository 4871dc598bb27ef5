import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { databaseInputError } from '../../../core/db';
import { isAppError } from '../../../core/errors';
import type { Resolvers } from '../../generated/graphql';

function parseDate(value: unknown): Date {
  const date = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    throw new GraphQLError('DateTime must be an ISO-8601 string such as 2026-11-27T08:00:00Z', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

export const DateTime = new GraphQLScalarType({
  name: 'DateTime',
  serialize: (value) => (value instanceof Date ? value.toISOString() : String(value)),
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseMinorUnits(value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw new GraphQLError(`MinorUnits must be a whole number between ±${Number.MAX_SAFE_INTEGER}`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return value;
}

export const MinorUnits = new GraphQLScalarType({
  name: 'MinorUnits',
  serialize: (value) => {
    // Sums come back from SQL as strings or bigints; anything past 2^53 would be silently rounded.
    const amount = typeof value === 'string' || typeof value === 'bigint' ? Number(value) : value;
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) throw new Error(`MinorUnits cannot represent ${String(value)}`);
    return amount;
  },
  parseValue: parseMinorUnits,
  parseLiteral: (ast) => parseMinorUnits(ast.kind === Kind.INT ? Number(ast.value) : undefined),
});

export const commonResolvers: Resolvers = {
  DateTime,
  MinorUnits,
  Query: { ping: () => true },
  Mutation: { ping: () => true },
};

type WithError<E> = E & { error: { code: string; message: string; field: string | null } };

/**
 * Runs a mutation whose expected failures the client shows: an AppError becomes `error` data,
 * beside `empty` for the payload's non-null fields.
 */
export function asPayload<T extends object>(work: () => Promise<T>): Promise<T | WithError<Partial<T>>>;
// A payload with non-null fields besides `error` passes them in `empty`, and its type says they are there.
export function asPayload<T extends object, E extends Partial<T>>(work: () => Promise<T>, empty: E): Promise<T | WithError<E>>;
export async function asPayload<T extends object>(work: () => Promise<T>, empty: Partial<T> = {}): Promise<T | WithError<Partial<T>>> {
  try {
    return await work();
  } catch (thrown) {
    const error = isAppError(thrown) ? thrown : databaseInputError(thrown);
    if (!error) throw thrown;
    return { ...empty, error: { code: error.code, message: error.message, field: error.field ?? null } };
  }
}
