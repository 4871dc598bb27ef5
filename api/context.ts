import type { Actor } from '../accounts/accounts.service';
import { createLoaders, type Loaders } from './loaders';
import type { Services } from '../services';

export interface GraphQLContext {
  viewer: Actor | null;
  /** Whom the rate limits count against: the account, or a signed-out client's address. */
  client: string;
  /** The client's address (the socket's; behind a proxy, set trust proxy). */
  address: string;
  services: Services;
  loaders: Loaders;
}

/** The token of an `Authorization: Bearer …` header, if there is one. */
export function bearerToken(authorization: string | undefined): string | undefined {
  return authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
}

export async function buildContext(services: Services, authorization: string | undefined, address = 'unknown'): Promise<GraphQLContext> {
  const viewer = await services.accounts.viewerFromToken(bearerToken(authorization));
  return {
    viewer,
    client: viewer ? `user:${viewer.id}` : `address:${address}`,
    address,
    services,
    loaders: createLoaders(services, viewer?.id ?? null),
  };
}
