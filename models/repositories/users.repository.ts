import { asc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { anyUuid } from '../sql';
import { brands, users } from '../schema';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type BrandRow = typeof brands.$inferSelect;

export class UsersRepository {
  constructor(private readonly db: Db) {}

  async findByIds(ids: readonly string[]): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(users).where(anyUuid(users.id, ids));
  }

  async findByLogin(login: string): Promise<UserRow | undefined> {
    const [row] = await this.db
      .select()
      .from(users)
      .where(or(eq(users.handle, login.toLowerCase()), eq(users.email, login.toLowerCase())))
      .limit(1);
    return row;
  }

  async insert(user: NewUser): Promise<UserRow> {
    const [row] = await this.db.insert(users).values(user).returning();
    if (!row) throw new Error('insert into users returned nothing');
    return row;
  }

  async handleOrEmailTaken(handle: string, email: string | null): Promise<'handle' | 'email' | null> {
    const rows = await this.db
      .select({ handle: users.handle, email: users.email })
      .from(users)
      .where(email ? or(eq(users.handle, handle), eq(users.email, email)) : eq(users.handle, handle));
    if (rows.some((r) => r.handle === handle)) return 'handle';
    return rows.length > 0 ? 'email' : null;
  }

  async setRole(id: string, role: UserRow['role']): Promise<UserRow | undefined> {
    const [row] = await this.db.update(users).set({ role }).where(eq(users.id, id)).returning();
    return row;
  }

  async update(
    id: string,
    changes: Partial<Pick<NewUser, 'displayName' | 'bio' | 'avatarUrl' | 'avatarMediaId' | 'interests'>>,
  ): Promise<UserRow | undefined> {
    const [row] = await this.db.update(users).set(changes).where(eq(users.id, id)).returning();
    return row;
  }

  async revokeTokens(id: string): Promise<void> {
    await this.db
      .update(users)
      .set({ tokenGeneration: sql`${users.tokenGeneration} + 1` })
      .where(eq(users.id, id));
  }

  async adjustCounts(id: string, delta: { followers?: number; following?: number; notes?: number }): Promise<void> {
    await this.db
      .update(users)
      .set({
        followerCount: sql`${users.followerCount} + ${delta.followers ?? 0}`,
        followingCount: sql`${users.followingCount} + ${delta.following ?? 0}`,
        noteCount: sql`${users.noteCount} + ${delta.notes ?? 0}`,
      })
      .where(eq(users.id, id));
  }

  async hasAnyUser(): Promise<boolean> {
    const [row] = await this.db.select({ id: users.id }).from(users).limit(1);
    return row !== undefined;
  }

  async insertBrand(ownerId: string, name: string): Promise<BrandRow> {
    const [row] = await this.db.insert(brands).values({ ownerId, name }).returning();
    if (!row) throw new Error('insert into brands returned nothing');
    return row;
  }

  async brandNameTaken(name: string): Promise<boolean> {
    const rows = await this.db.select({ id: brands.id }).from(brands).where(eq(brands.name, name)).limit(1);
    return rows.length > 0;
  }

  async findBrandsByIds(ids: readonly string[]): Promise<BrandRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(brands).where(anyUuid(brands.id, ids));
  }

  async findBrandsByOwners(ownerIds: readonly string[]): Promise<BrandRow[]> {
    if (ownerIds.length === 0) return [];
    return this.db.select().from(brands).where(anyUuid(brands.ownerId, ownerIds));
  }

  /** Brands by name, in name order, for an admin choosing whose console to open. */
  async listBrands(nameContains: string, limit: number): Promise<BrandRow[]> {
    const pattern = `%${nameContains.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    return this.db.select().from(brands).where(ilike(brands.name, pattern)).orderBy(asc(brands.name), asc(brands.id)).limit(limit);
  }

  async findBrandOwnedBy(ownerId: string): Promise<BrandRow | undefined> {
    const [row] = await this.db.select().from(brands).where(eq(brands.ownerId, ownerId)).limit(1);
    return row;
  }
}
