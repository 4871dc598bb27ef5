import { z } from 'zod';
import { uuid } from '../core/validate';

export const commentInput = z.object({
  noteId: uuid,
  body: z.string().trim().min(1, 'must not be empty').max(1000, 'use at most 1000 characters'),
  parentId: uuid.nullish(),
});

export const boardName = z.string().trim().min(1, 'must not be empty').max(40, 'use at most 40 characters');
export const hideReason = z.string().trim().max(200, 'use at most 200 characters').nullish();
export const shareChannel = z.string().trim().max(40, 'use at most 40 characters').nullish();
