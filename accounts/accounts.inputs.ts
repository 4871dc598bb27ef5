import { z } from 'zod';
import { CATEGORIES } from '../catalog/categories';
import { uuid } from '../core/validate';

const displayName = z.string().trim().min(1, 'must not be empty').max(60, 'use at most 60 characters');
// A topic chosen twice is one interest.
const interests = z
  .array(z.enum(CATEGORIES))
  .max(CATEGORIES.length)
  .transform((list) => [...new Set(list)]);

// bcrypt reads only the first 72 bytes of a password: a longer one would be cut without a word, and any password
// sharing its first 72 bytes would then match it.
const BCRYPT_MAX_BYTES = 72;
const password = z
  .string()
  .min(8, 'use at least 8 characters')
  .refine(
    (value) => Buffer.byteLength(value, 'utf8') <= BCRYPT_MAX_BYTES,
    `use at most ${BCRYPT_MAX_BYTES} bytes (about 24 Chinese characters)`,
  );

export const signUpInput = z.object({
  handle: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9_]{3,30}$/, 'use 3–30 letters, digits or underscores'),
  password,
  displayName,
  email: z.string().trim().toLowerCase().email('is not an email address').max(254).nullish(),
  role: z.enum(['viewer', 'creator', 'brand']).default('viewer'),
  interests: interests.default([]),
  brandName: z.string().trim().min(1).max(80).nullish(),
});
export type SignUpInput = z.infer<typeof signUpInput>;

/** The first administrator, made from the command line (npm run admin:create): no request can make an admin. */
export const adminInput = signUpInput.pick({ handle: true, password: true, displayName: true, email: true });

export const logInInput = z.object({
  login: z.string().trim().min(1, 'must not be empty').max(254),
  password: z.string().min(1, 'must not be empty').max(128),
});

// Omitted (or null) display name and bio stay as they are; an avatar upload id of null removes the avatar.
export const updateProfileInput = z.object({
  displayName: displayName.nullish(),
  bio: z.string().trim().max(200, 'use at most 200 characters').nullish(),
  avatarUploadId: uuid.nullish(),
});

export const updateInterestsInput = z.object({ interests });
