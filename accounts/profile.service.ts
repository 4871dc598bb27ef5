import { errors } from '../core/errors';
import { validate } from '../core/validate';
import type { MediaService } from '../media/media.service';
import type { UserRow, UsersRepository } from '../models/repositories/users.repository';
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
      accounts: Pick<AccountsService, 'requireUser' | 'forgetUsers'>;
      uploads: Pick<MediaService, 'byIds' | 'avatarUrl'>;
      /** Told of new interests, which the For-You feed's cold start reads. */
      feedState: Pick<FeedSessionStore, 'viewerChanged'>;
    },
  ) {}

  async updateProfile(viewer: Actor | null, raw: unknown): Promise<UserRow> {
    const me = await this.deps.accounts.requireUser(viewer);
    const input = validate(updateProfileInput, raw);
    const avatarUrl =
      input.avatarUploadId === undefined ? undefined : input.avatarUploadId && (await this.avatarUrl(me, input.avatarUploadId));
    return this.save(me, {
      ...(input.displayName != null ? { displayName: input.displayName } : {}),
      ...(input.bio != null ? { bio: input.bio } : {}),
      ...(avatarUrl !== undefined ? { avatarUrl } : {}),
    });
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
    const user = await this.deps.users.update(me.id, changes);
    this.deps.accounts.forgetUsers(me.id);
    if (!user) throw errors.unauthenticated('The account of this token no longer exists');
    return user;
  }

  /** The URL an upload gives an avatar: the viewer's own image, processed. Nobody else's upload is said to exist. */
  private async avatarUrl(me: UserRow, uploadId: string): Promise<string> {
    const field = 'avatarUploadId';
    const [upload] = await this.deps.uploads.byIds([uploadId]);
    if (!upload || !owns(me, upload)) throw errors.notFound('Upload', uploadId);
    if (upload.kind !== 'image') throw errors.badInput(`${field}: is a video, not an image`, field);
    if (upload.status === 'failed')
      throw errors.badInput(`${field}: ${upload.failureMessage ?? 'this file could not be processed'}`, field);
    const url = upload.status === 'ready' ? this.deps.uploads.avatarUrl(upload) : null;
    if (!url) throw errors.conflict('This image is still processing: use it once upload(id) says READY', field);
    return url;
  }
}
