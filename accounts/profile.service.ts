import { errors } from '../core/errors';
import { validate } from '../core/validate';
import type { MediaService } from '../media/media.service';
import type { MediaRow } from '../models/repositories/media.repository';
import type { UserRow, UsersRepository } from '../models/repositories/users.repository';
import type { Transact } from '../models/transaction';
import type { FeedSessionStore } from '../recommender/serving/session-store';
import type { AccountsService, Actor } from './accounts.service';
import { updateInterestsInput, updateProfileInput } from './accounts.inputs';
import { owns } from './policy';

/**
 * The signed-in account's own profile: name, bio, avatar and interests. Apart from AccountsService
 * because an avatar is a processed upload, and media is built after accounts.
 */
export class ProfileService {
  constructor(
    private readonly deps: {
      users: Pick<UsersRepository, 'update'>;
      transact: Transact;
      accounts: Pick<AccountsService, 'requireUser' | 'forgetUsers'>;
      uploads: Pick<MediaService, 'avatarUrl'>;
      /** Told of new interests, which the For-You feed's cold start reads. */
      feedState: Pick<FeedSessionStore, 'viewerChanged'>;
    },
  ) {}

  async updateProfile(viewer: Actor | null, raw: unknown): Promise<UserRow> {
    const me = await this.deps.accounts.requireUser(viewer);
    const input = validate(updateProfileInput, raw);
    const changes = {
      ...(input.displayName != null ? { displayName: input.displayName } : {}),
      ...(input.bio != null ? { bio: input.bio } : {}),
      ...(input.avatarUploadId === null ? { avatarUrl: null, avatarMediaId: null } : {}),
    };
    const uploadId = input.avatarUploadId;
    if (!uploadId) return this.save(me, changes);
    // Held until the account names it, so the collector of unused uploads cannot delete it in between.
    const user = await this.deps.transact(async (tx) => {
      const [upload] = await tx.media.holdForUse([uploadId]);
      return tx.users.update(me.id, { ...changes, avatarUrl: this.avatarUrl(me, uploadId, upload), avatarMediaId: uploadId });
    });
    return this.saved(me, user);
  }

  async updateInterests(viewer: Actor | null, raw: unknown): Promise<UserRow> {
    const me = await this.deps.accounts.requireUser(viewer);
    const { interests } = validate(updateInterestsInput, raw);
    const user = await this.save(me, { interests });
    await this.deps.feedState.viewerChanged(me.id);
    return user;
  }

  private async save(me: UserRow, changes: Parameters<UsersRepository['update']>[1]): Promise<UserRow> {
    if (Object.keys(changes).length === 0) return me;
    return this.saved(me, await this.deps.users.update(me.id, changes));
  }

  private saved(me: UserRow, user: UserRow | undefined): UserRow {
    this.deps.accounts.forgetUsers(me.id);
    if (!user) throw errors.unauthenticated('The account of this token no longer exists');
    return user;
  }

  /** The URL an upload gives an avatar: the viewer's own image, processed. Nobody else's upload is said to exist. */
  private avatarUrl(me: UserRow, uploadId: string, upload: MediaRow | undefined): string {
    const field = 'avatarUploadId';
    if (!upload || !owns(me, upload)) throw errors.notFound('Upload', uploadId);
    if (upload.kind !== 'image') throw errors.badInput(`${field}: is a video, not an image`, field);
    if (upload.status === 'failed')
      throw errors.badInput(`${field}: ${upload.failureMessage ?? 'this file could not be processed'}`, field);
    const url = upload.status === 'ready' ? this.deps.uploads.avatarUrl(upload) : null;
    if (!url) throw errors.conflict('This image is still processing: use it once upload(id) says READY', field);
    return url;
  }
}
