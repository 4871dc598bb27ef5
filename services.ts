import type { Config } from './core/config';
import type { Db } from './core/db';
import { ReadCache } from './core/read-cache';
import type { Redis } from './core/redis';
import type { NoteRow } from './models/repositories/notes.repository';
import { repositoriesFor, transactor } from './models/transaction';
import { AccountsService } from './api/schema/accounts/accounts.service';
import { EventsService } from './api/schema/events/events.service';
import { NotesService } from './api/schema/notes/notes.service';
import { ProductsService } from './api/schema/products/products.service';
import { SearchService } from './api/schema/search/search.service';
import { SocialService } from './api/schema/social/social.service';
import { FeedService } from './recommender/feed.service';
import { FeedSessionStore } from './recommender/session-store';

export type Services = ReturnType<typeof createServices>;

/** The composition root: every service with exactly the repositories it needs. */
export function createServices(db: Db, redis: Redis, config: Config) {
  const repos = repositoriesFor(db);
  const transact = transactor(db);
  const accounts = new AccountsService(repos.users, config);
  const cache = { max: config.READ_CACHE_MAX, ttlMs: config.READ_CACHE_TTL_MS };
  // Notes as feed cards: their counters may lag by the TTL; a note's own page reads it fresh.
  const noteCards = new ReadCache<NoteRow>(cache);
  return {
    accounts,
    notes: new NotesService(repos, transact, accounts, cache, noteCards),
    social: new SocialService(repos, transact, accounts, noteCards),
    products: new ProductsService(repos, accounts, cache),
    events: new EventsService(repos, transact, config),
    search: new SearchService(repos.search),
    feed: new FeedService(repos, new FeedSessionStore(redis), noteCards),
  };
}
