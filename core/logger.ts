import pino, { type Logger } from 'pino';

export type { Logger };

/**
 * An error for the log: its own message, stack and fields, then its causes, each on its own (pino's
 * standard serializer folds every cause's message into the top one). A failed query keeps its SQL
 * but not its bound values: they hold what users typed (password hashes, messages).
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const cause = error.cause !== undefined && depth < 5 ? { cause: serializeError(error.cause, depth + 1) } : {};
  if ('query' in error && 'params' in error) {
    const bound = Array.isArray(error.params) ? error.params.length : 0;
    return {
      type: error.constructor.name,
      message: `Failed query: ${String(error.query)}`,
      params: `${bound} bound values, not logged`,
      ...cause,
    };
  }
  const fields = Object.fromEntries(Object.entries(error).filter(([key]) => key !== 'cause'));
  return { type: error.constructor.name, ...fields, message: error.message, stack: error.stack, ...cause };
}

export function createLogger(level: string, name = 'seedfeed'): Logger {
  return pino({ name, level, serializers: { err: (error: unknown) => serializeError(error) } });
}
