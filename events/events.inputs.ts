import { z } from 'zod';
import { uuid } from '../core/validate';

/** Event kinds a client reports itself; likes, follows and the rest are logged by their mutations. */
export const CLIENT_EVENT_TYPES = ['impression', 'view', 'product_click'] as const;

export const eventInput = z
  .object({
    eventId: uuid,
    type: z.enum(CLIENT_EVENT_TYPES),
    noteId: uuid.nullish(),
    productId: uuid.nullish(),
    value: z.number().finite().min(0).max(1e9).nullish(),
    occurredAt: z.date().nullish(),
    sessionId: z
      .string()
      .max(64)
      .refine((v) => !v.includes('\u0000'), 'must not contain NUL characters')
      .nullish(),
  })
  .refine((e) => e.noteId || e.productId, 'an event names a noteId or a productId')
  .refine((e) => e.type !== 'product_click' || e.productId, 'a product_click names its productId');
export type EventInput = z.infer<typeof eventInput>;
