import { backgroundTransaction, type Db } from '../core/db';
import { AnalyticsRepository } from './repositories/analytics.repository';
import { CommerceRepository } from './repositories/commerce.repository';
import { EventsRepository } from './repositories/events.repository';
import { MediaRepository } from './repositories/media.repository';
import { NotesRepository } from './repositories/notes.repository';
import { ProductsRepository } from './repositories/products.repository';
import { RecommenderRepository } from './repositories/recommender.repository';
import { RollupRepository } from './repositories/rollup.repository';
import { SearchRepository } from './repositories/search.repository';
import { SocialRepository } from './repositories/social.repository';
import { UsersRepository } from './repositories/users.repository';

export interface Repositories {
  users: UsersRepository;
  notes: NotesRepository;
  products: ProductsRepository;
  social: SocialRepository;
  events: EventsRepository;
  media: MediaRepository;
  search: SearchRepository;
  recommender: RecommenderRepository;
  commerce: CommerceRepository;
  analytics: AnalyticsRepository;
  rollup: RollupRepository;
}

/** Just these repositories of the bag: a service is handed what it declares it needs, and nothing else. */
export function only<K extends keyof Repositories>(repos: Repositories, ...keys: K[]): Pick<Repositories, K> {
  return Object.fromEntries(keys.map((key) => [key, repos[key]])) as Pick<Repositories, K>;
}

export function repositoriesFor(db: Db): Repositories {
  return {
    users: new UsersRepository(db),
    notes: new NotesRepository(db),
    products: new ProductsRepository(db),
    social: new SocialRepository(db),
    events: new EventsRepository(db),
    media: new MediaRepository(db),
    search: new SearchRepository(db),
    recommender: new RecommenderRepository(db),
    commerce: new CommerceRepository(db),
    analytics: new AnalyticsRepository(db),
    rollup: new RollupRepository(db),
  };
}

/** Runs `work` in one database transaction, with repositories bound to it. */
export type Transact = <T>(work: (repos: Repositories) => Promise<T>) => Promise<T>;

export function transactor(db: Db): Transact {
  return (work) => db.transaction((tx) => work(repositoriesFor(tx as unknown as Db)));
}

/** transactor's, with each query kept to one core (backgroundTransaction): for the trainer's reads of the event log. */
export function backgroundReader(db: Db): Transact {
  return (work) => backgroundTransaction(db, (tx) => work(repositoriesFor(tx)));
}
