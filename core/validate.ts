import { z } from 'zod';
import { errors } from './errors';

/**
 * Parses input with a zod schema; the first problem becomes a BAD_USER_INPUT naming its field. Text
 * with a NUL character is refused too: PostgreSQL cannot store one.
 */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) {
    const nul = nulPath(parsed.data);
    if (nul !== undefined) throw errors.badInput(`${nul ? `${nul}: ` : ''}must not contain NUL characters`, nul || undefined);
    return parsed.data;
  }
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  throw errors.badInput(field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid input'), field);
}

/** The path of the first string holding U+0000 in a parsed input ('' for the input itself), or undefined. */
export function nulPath(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null || value instanceof Date) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = nulPath(inner, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** One id format for every input: the zod check the input schemas use. */
export const uuid = z.string().uuid('is not a valid id');

/** A link people will follow: http(s) only, never javascript: or data:. */
export const httpUrl = z
  .string()
  .trim()
  .max(2048, 'use at most 2048 characters')
  .url('is not a URL')
  .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL');

/** An id argument, or a BAD_USER_INPUT naming the field. */
export function requireId(id: string, field = 'id'): string {
  if (!uuid.safeParse(id).success) throw errors.badInput(`${field}: is not a valid id`, field);
  return id;
}
