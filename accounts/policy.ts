import { errors } from '../core/errors';
import type { NoteRow } from '../models/repositories/notes.repository';
import type { UserRow } from '../models/repositories/users.repository';

/** Whoever a request acts for: the account its token names. */
export interface Actor {
  id: string;
}

/** An account as the rules see it; `brandId` only where a rule about brands is asked (else none is assumed). */
export interface Subject {
  id: string;
  role: UserRow['role'];
  brandId?: string | null;
}

/** Every decision of who may do what, with the resource it is about. */
interface Rules {
  /** Post notes. */
  'note.post': null;
  /** Upload a file of this kind: an image (an avatar, say) is anyone's; a video is for those who post. */
  'media.upload': { kind: 'image' | 'video' };
  /** See a note that is not (or no longer) public. */
  'note.see': Pick<NoteRow, 'authorId' | 'status'>;
  'note.change': Pick<NoteRow, 'authorId'>;
  /** Manage a catalogue of products. */
  'product.manage': null;
  'product.change': { brandId: string };
  /** The brand a creator named as a note's sponsor confirms or declines it. */
  'sponsorship.respond': Pick<NoteRow, 'sponsorBrandId'>;
  'sponsorDeal.record': Pick<NoteRow, 'sponsorBrandId' | 'sponsorStatus'>;
  'experiment.see': null;
  /** The job queues' dashboard, which shows every upload's job and can retry or remove them. */
  'jobs.see': null;
  /** List every brand, to open any brand's console. */
  'brands.list': null;
  'analytics.brand': { brandId: string };
  /** Which notes and creators an order is credited to: the selling brand's analytics, not its buyer's. */
  'order.attribution': { brandId: string };
  'analytics.creator': { creatorId: string };
  /** A note's figures: its author's, and those of every brand whose products it tags. */
  'analytics.note': { authorId: string; taggedBrandIds: readonly string[] };
}
export type Action = keyof Rules;

const POSTING_ROLES: ReadonlySet<UserRow['role']> = new Set(['creator', 'brand', 'admin']);

const admin = (s: Subject) => s.role === 'admin';
const ownBrand = (s: Subject, brandId: string | null) => brandId !== null && s.brandId != null && s.brandId === brandId;

const RULES: { [A in Action]: (subject: Subject, resource: Rules[A]) => boolean } = {
  'note.post': (s) => POSTING_ROLES.has(s.role),
  'media.upload': (s, file) => file.kind === 'image' || POSTING_ROLES.has(s.role),
  'note.see': (s, note) => note.status === 'published' || (note.status !== 'removed' && (s.id === note.authorId || admin(s))),
  'note.change': (s, note) => s.id === note.authorId || admin(s),
  'product.manage': (s) => s.role === 'brand',
  'product.change': (s, product) => ownBrand(s, product.brandId),
  'sponsorship.respond': (s, note) => ownBrand(s, note.sponsorBrandId),
  'sponsorDeal.record': (s, note) => ownBrand(s, note.sponsorBrandId) && note.sponsorStatus === 'accepted',
  'experiment.see': admin,
  'jobs.see': admin,
  'brands.list': admin,
  'analytics.brand': (s, target) => admin(s) || ownBrand(s, target.brandId),
  'order.attribution': (s, order) => admin(s) || ownBrand(s, order.brandId),
  'analytics.creator': (s, target) => admin(s) || s.id === target.creatorId,
  'analytics.note': (s, note) => admin(s) || s.id === note.authorId || note.taggedBrandIds.some((b) => ownBrand(s, b)),
};

/** What a refusal says, so that the person knows what would be allowed. */
const REFUSALS: Record<Action, (subject: Subject) => string> = {
  'note.post': () => 'Only creator accounts post notes: switch with becomeCreator first',
  'media.upload': () => 'Only creator accounts upload videos: switch with becomeCreator first',
  'note.see': () => 'This note is not public',
  'note.change': () => 'Only the author can change this note',
  'product.manage': () => 'Only brand accounts manage products',
  'product.change': () => 'Only the brand that owns this product can change it',
  'sponsorship.respond': () => 'Only the brand this note names as its sponsor can answer',
  'sponsorDeal.record': () => 'Only the brand that sponsors this note, once it has confirmed, can record its deal',
  'experiment.see': () => 'Only admins see experiment results',
  'jobs.see': () => 'Only admins see the job queues',
  'brands.list': () => 'Only admins list brands',
  'analytics.brand': analyticsRefusal,
  'order.attribution': analyticsRefusal,
  'analytics.creator': analyticsRefusal,
  'analytics.note': analyticsRefusal,
};

function analyticsRefusal(subject: Subject): string {
  return `You can see analytics of your own ${subject.brandId ? 'brand, its products and the notes that tag them' : 'notes'} only`;
}

/** Resources only their owner may use (an upload): nobody else is told they exist. */
export function owns(actor: Actor | null, resource: { ownerId: string }): boolean {
  return actor !== null && actor.id === resource.ownerId;
}

export function can<A extends Action>(subject: Subject | null, action: A, resource: Rules[A]): boolean {
  return subject !== null && RULES[action](subject, resource);
}

/** can(), or a FORBIDDEN error saying what the subject may do instead. */
export function authorize<A extends Action>(subject: Subject, action: A, resource: Rules[A]): void {
  if (!can(subject, action, resource)) throw errors.forbidden(REFUSALS[action](subject));
}
