import type { Actor } from '../accounts/accounts.service';
import { createLoaders, type Loaders } from './loaders';
import type { Services } from '../services';

export interface GraphQLContext {
  viewer: Actor | null;
  services: Services;
  loaders: Loaders;
}

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

export function buildContext(services: Services, authorization: string | undefined): GraphQLContext {
  const viewer = services.accounts.viewerFromToken(bearerToken(authorization));
  return { viewer, services, loaders: createLoaders(services, viewer?.id ?? null) };
}
