import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { isAppError } from '../../../core/errors';

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

export const commonResolvers = {
  DateTime,
  Query: { ping: () => true },
  Mutation: { ping: () => true },
};

/**
 * Runs a mutation whose expected failures the client shows: an AppError becomes `error` data,
 * beside `empty` for the payload's non-null fields.
 */
export async function asPayload<T extends object>(
  work: () => Promise<T>,
  empty: Partial<T> = {},
): Promise<T | (Partial<T> & { error: { code: string; message: string; field: string | null } })> {
  try {
    return await work();
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { ...empty, error: { code: error.code, message: error.message, field: error.field ?? null } };
  }
}
