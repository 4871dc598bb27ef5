import { errors } from '../../../core/errors';
import type { UserRow } from '../../../models/repositories/users.repository';
import type { GraphQLContext } from '../../context';
import { asPayload } from '../common/common.resolvers';
import { pageSize, timeConnection, timeCursor } from '../common/connection';
import { requireId } from '../../../core/validate';

interface Page {
  first?: number | null;
  after?: string | null;
}

export const accountsResolvers = {
  Role: { VIEWER: 'viewer', CREATOR: 'creator', BRAND: 'brand', ADMIN: 'admin' },
  SignUpRole: { VIEWER: 'viewer', CREATOR: 'creator', BRAND: 'brand' },
  Query: {
    viewer: (_: unknown, __: unknown, ctx: GraphQLContext) => (ctx.viewer ? ctx.loaders.user.load(ctx.viewer.id) : null),
    user: async (_: unknown, args: { id: string }, ctx: GraphQLContext) => {
      const user = await ctx.loaders.user.load(requireId(args.id));
      if (!user) throw errors.notFound('User', args.id);
      return user;
    },
  },
  Mutation: {
    signUp: (_: unknown, args: { input: unknown }, ctx: GraphQLContext) => asPayload(() => ctx.services.accounts.signUp(args.input)),
    logIn: (_: unknown, args: { input: unknown }, ctx: GraphQLContext) => asPayload(() => ctx.services.accounts.logIn(args.input)),
    becomeCreator: (_: unknown, __: unknown, ctx: GraphQLContext) => ctx.services.accounts.becomeCreator(ctx.viewer),
  },
  User: {
    viewerIsFollowing: (user: UserRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.viewerFollows.load(user.id),
    brand: (user: UserRow, _: unknown, ctx: GraphQLContext) => (user.role === 'brand' ? ctx.loaders.brandByOwner.load(user.id) : null),
    notes: async (user: UserRow, args: Page, ctx: GraphQLContext) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.notes.listByUser(ctx.viewer, user.id, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (n) => n.createdAt);
    },
    boards: (user: UserRow, _: unknown, ctx: GraphQLContext) => ctx.services.social.boardsOf(user.id),
  },
  Brand: {
    owner: (brand: { ownerId: string }, _: unknown, ctx: GraphQLContext) => ctx.loaders.user.load(brand.ownerId),
    products: async (brand: { id: string }, args: Page, ctx: GraphQLContext) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.products.listByBrand(brand.id, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (p) => p.createdAt);
    },
  },
};
