import bcrypt from 'bcryptjs';
import type { Config } from '../core/config';
import { ReadCache, rowsById, type ReadCacheOptions } from '../core/read-cache';
import { errors } from '../core/errors';
import type { UserRow, UsersRepository } from '../models/repositories/users.repository';
import { validate } from '../core/validate';
import { adminInput, logInInput, signUpInput } from './accounts.inputs';
import { hashPassword, verifyPassword } from './passwords';
import type { Actor, Subject } from './policy';
import { loadSubject, loadUser } from './subject';
import { AccessTokens } from './tokens';

export type { Actor } from './policy';

export interface Session {
  token: string;
  user: UserRow;
}

export class AccountsService {
  // A real hash to compare against when the login names nobody, so a wrong handle costs as much
  // time as a wrong password and response times do not reveal which handles exist.
  private readonly decoyHash: string;
  private readonly cache: ReadCache<UserRow>;
  // Given a string, jsonwebtoken first tries to parse it as a PEM public key on every call, and
  // that failed parse was a tenth of a signed-in feed request's CPU.
  private readonly tokens: AccessTokens;

  constructor(
    private readonly users: UsersRepository,
    private readonly config: Pick<Config, 'JWT_TTL_SECONDS' | 'BCRYPT_ROUNDS'> & { jwtSecret: string },
    cache: ReadCacheOptions,
  ) {
    this.decoyHash = bcrypt.hashSync('decoy-password', config.BCRYPT_ROUNDS);
    this.tokens = new AccessTokens(config.jwtSecret, config.JWT_TTL_SECONDS);
    this.cache = new ReadCache(cache, 'users');
  }

  async signUp(raw: unknown): Promise<Session> {
    const input = validate(signUpInput, raw);
    if (input.role === 'brand' && !input.brandName) throw errors.badInput('brandName: a brand account needs a brand name', 'brandName');
    const taken = await this.users.handleOrEmailTaken(input.handle, input.email ?? null);
    if (taken) throw errors.conflict(`That ${taken} is already taken`, taken);
    if (input.role === 'brand' && input.brandName && (await this.users.brandNameTaken(input.brandName))) {
      throw errors.conflict('That brand name is already taken', 'brandName');
    }
    const passwordHash = await hashPassword(input.password, this.config.BCRYPT_ROUNDS);
    const user = await this.users.insert({
      handle: input.handle,
      email: input.email ?? null,
      passwordHash,
      displayName: input.displayName,
      role: input.role,
      interests: input.interests,
    });
    if (input.role === 'brand' && input.brandName) await this.users.insertBrand(user.id, input.brandName);
    return { token: this.issueToken(user), user };
  }

  /** An administrator account, for `npm run admin:create`; the API's sign-up offers no such role. */
  async createAdmin(raw: unknown): Promise<UserRow> {
    const input = validate(adminInput, raw);
    const taken = await this.users.handleOrEmailTaken(input.handle, input.email ?? null);
    if (taken) throw errors.conflict(`That ${taken} is already taken`, taken);
    const passwordHash = await hashPassword(input.password, this.config.BCRYPT_ROUNDS);
    return this.users.insert({
      handle: input.handle,
      email: input.email ?? null,
      passwordHash,
      displayName: input.displayName,
      role: 'admin',
      interests: [],
    });
  }

  async logIn(raw: unknown): Promise<Session> {
    const input = validate(logInInput, raw);
    const user = await this.users.findByLogin(input.login);
    const ok = await verifyPassword(input.password, user?.passwordHash ?? this.decoyHash);
    if (!user || !ok) throw errors.invalidCredentials();
    return { token: this.issueToken(user), user };
  }

  /**
   * The viewer a bearer token names, or null for anonymous requests. A token that is forged,
   * expired, meant for another service, of an account that is gone, or issued before the account
   * logged out is refused.
   */
  async viewerFromToken(token: string | undefined): Promise<Actor | null> {
    if (!token) return null;
    // Made only when refusing: an error's stack costs every signed-in request otherwise (0.6% of the For-You feed's CPU).
    const refused = () => errors.unauthenticated('The access token is invalid or expired; sign in again');
    const claims = this.tokens.verify(token);
    if (!claims) throw refused();
    const [user] = await this.usersByIds([claims.userId]);
    if (!user || claims.generation !== user.tokenGeneration) throw refused();
    return { id: user.id };
  }

  /** Signs the account out everywhere: every token issued so far stops working, the next sign-in's works. */
  async logOut(actor: Actor | null): Promise<boolean> {
    const user = await this.requireUser(actor);
    await this.users.revokeTokens(user.id);
    this.forgetUsers(user.id);
    return true;
  }

  /** Users as shown beside their notes, cached (ReadCache): what changes them forgets them. */
  async usersByIds(ids: readonly string[]): Promise<UserRow[]> {
    const rows = await this.cache.getMany(ids, async (missing) => rowsById(await this.users.findByIds(missing)));
    return rows.filter((row) => row !== undefined);
  }

  /** Called after a committed change to these users, so every process shows it at once. */
  forgetUsers(...ids: readonly string[]): void {
    this.cache.forget(...ids);
  }

  async becomeCreator(viewer: Actor | null): Promise<UserRow> {
    const user = await this.requireUser(viewer);
    if (user.role !== 'viewer') return user;
    const updated = await this.users.setRole(user.id, 'creator');
    this.forgetUsers(user.id);
    if (!updated) throw errors.notFound('User', user.id);
    return updated;
  }

  requireUser(viewer: Actor | null): Promise<UserRow> {
    return loadUser(this.users, viewer);
  }

  /** The signed-in account with the brand it owns, for the rules about brands (policy.ts). */
  requireSubject(actor: Actor | null): Promise<UserRow & Subject> {
    return loadSubject(this.users, actor);
  }

  private issueToken(user: UserRow): string {
    return this.tokens.issue(user);
  }
}
