import type { z } from 'zod';
import { errors } from './errors';

/** Parses input with a zod schema; the first problem becomes a BAD_USER_INPUT naming its field. */
export function validate<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue?.path.join('.') || undefined;
  throw errors.badInput(field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid input'), field);
}
