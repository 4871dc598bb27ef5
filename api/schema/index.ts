import { readFileSync } from 'node:fs';
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/paths';
import type { Resolvers } from '../generated/graphql';
import { accountsResolvers } from './accounts/accounts.resolvers';
import { analyticsResolvers } from './analytics/analytics.resolvers';
import { commerceResolvers } from './commerce/commerce.resolvers';
import { commonResolvers } from './common/common.resolvers';
import { eventsResolvers } from './events/events.resolvers';
import { feedResolvers } from './feed/feed.resolvers';
import { mediaResolvers } from './media/media.resolvers';
import { notesResolvers } from './notes/notes.resolvers';
import { productsResolvers } from './products/products.resolvers';
import { searchResolvers } from './search/search.resolvers';
import { socialResolvers } from './social/social.resolvers';

const DOMAINS = [
  'common',
  'accounts',
  'notes',
  'media',
  'social',
  'products',
  'feed',
  'search',
  'events',
  'commerce',
  'analytics',
] as const;

export const typeDefs = DOMAINS.map((domain) =>
  readFileSync(path.join(PROJECT_ROOT, 'api', 'schema', domain, `${domain}.graphql`), 'utf8'),
);

const parts: Resolvers[] = [
  commonResolvers,
  accountsResolvers,
  notesResolvers,
  mediaResolvers,
  socialResolvers,
  productsResolvers,
  feedResolvers,
  searchResolvers,
  eventsResolvers,
  commerceResolvers,
  analyticsResolvers,
];

/** Merges the per-domain resolver maps; Query and Mutation fields come from several domains. */
export const resolvers = parts.reduce<Record<string, object>>((merged, part) => {
  for (const [type, fields] of Object.entries<object | undefined>(part)) {
    if (!fields) continue;
    const plain = Object.getPrototypeOf(fields) === Object.prototype;
    merged[type] = plain ? { ...(merged[type] ?? {}), ...fields } : fields;
  }
  return merged;
}, {});

export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs, resolvers });
}
