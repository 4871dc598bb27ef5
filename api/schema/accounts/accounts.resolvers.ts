import { errors } from '../../../core/errors';
import type { Resolvers } from '../../generated/graphql';
import { ENUM_VALUES } from '../enums';
import { asPayload } from '../common/common.resolvers';
import { markedConnection, pageSize, timeConnection, timeCursor } from '../common/connection';
import { requireId } from '../../../core/validate';
import { referenced } from '../common/referenced';

export const accountsResolvers: Resolvers = {
  Role: ENUM_VALUES.Role,
  SignUpRole: ENUM_VALUES.SignUpRole,
  Query: {
    viewer: (_, __, ctx) => (ctx.viewer ? ctx.loaders.user.load(ctx.viewer.id) : null),
    user: async (_, args, ctx) => {
      const user = await ctx.loaders.user.load(requireId(args.id));
      if (!user) throw errors.notFound('User', args.id);
      return user;
    },
    brand: (_, args, ctx) => ctx.loaders.brand.load(requireId(args.id)).then((brand) => brand ?? null),
  },
  Mutation: {
    signUp: async (_, args, ctx) => {
      await ctx.services.rateLimits.consume('signUp', ctx.address);
      return asPayload(() => ctx.services.accounts.signUp(args.input));
    },
    logIn: async (_, args, ctx) => {
      // Per account from one address, so that guessing one account's password is slow, and per address, so that
      // trying many accounts is too; never per account alone, which would let anyone lock its owner out.
      await ctx.services.rateLimits.consume('logInAnyAccount', ctx.address);
      await ctx.services.rateLimits.consume('logIn', `${ctx.address}|${String(args.input.login).trim().toLowerCase()}`);
      return asPayload(() => ctx.services.accounts.logIn(args.input));
    },
    logOut: (_, __, ctx) => ctx.services.accounts.logOut(ctx.viewer),
    becomeCreator: (_, __, ctx) => ctx.services.accounts.becomeCreator(ctx.viewer),
    updateProfile: (_, args, ctx) => asPayload(async () => ({ user: await ctx.services.profiles.updateProfile(ctx.viewer, args.input) })),
    updateInterests: (_, args, ctx) => asPayload(async () => ({ user: await ctx.services.profiles.updateInterests(ctx.viewer, args) })),
  },
  User: {
    viewerIsFollowing: (user, _, ctx) => ctx.loaders.viewerFollows.load(user.id),
    brand: (user, _, ctx) => (user.role === 'brand' ? ctx.loaders.brandByOwner.load(user.id) : null),
    notes: async (user, args, ctx) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.notes.listByUser(ctx.viewer, user.id, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (n) => n.createdAt);
    },
    likedNotes: async (user, args, ctx) => {
      const first = pageSize(args.first);
      return markedConnection(await ctx.services.social.likedNotes(user.id, first + 1, timeCursor(args.after)), first, ctx.loaders.note);
    },
    boards: (user, _, ctx) => ctx.services.social.boardsOf(user.id),
    followers: async (user, args, ctx) => {
      const first = pageSize(args.first);
      return markedConnection(await ctx.services.social.followers(user.id, first + 1, timeCursor(args.after)), first, ctx.loaders.user);
    },
    following: async (user, args, ctx) => {
      const first = pageSize(args.first);
      return markedConnection(await ctx.services.social.following(user.id, first + 1, timeCursor(args.after)), first, ctx.loaders.user);
    },
    likesAndCollectsReceived: (user, _, ctx) => ctx.loaders.likesAndCollectsReceived.load(user.id),
  },
  Brand: {
    owner: (brand, _, ctx) => referenced(ctx.loaders.user, brand.ownerId, 'User'),
    products: async (brand, args, ctx) => {
      const first = pageSize(args.first);
      const rows = await ctx.services.products.listByBrand(brand.id, first + 1, timeCursor(args.after));
      return timeConnection(rows, first, (p) => p.createdAt);
    },
  },
};
