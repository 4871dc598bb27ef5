import { errors } from '../core/errors';
import type { UserRow, UsersRepository } from '../models/repositories/users.repository';
import type { Actor, Subject } from './policy';

type Users = Pick<UsersRepository, 'findByIds' | 'findBrandOwnedBy'>;

/** The signed-in account, or UNAUTHENTICATED when there is none or its account is gone. */
export async function loadUser(users: Users, actor: Actor | null): Promise<UserRow> {
  if (!actor) throw errors.unauthenticated();
  const [user] = await users.findByIds([actor.id]);
  if (!user) throw errors.unauthenticated('The account of this token no longer exists');
  return user;
}

/** The signed-in account with the brand it owns, for the rules about brands (policy.ts). */
export async function loadSubject(users: Users, actor: Actor | null): Promise<UserRow & Subject> {
  const user = await loadUser(users, actor);
  const brand = await users.findBrandOwnedBy(user.id);
  return { ...user, brandId: brand?.id ?? null };
}
