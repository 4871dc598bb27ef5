import type { Viewer } from './schema/accounts/accounts.service';
import { createLoaders, type Loaders } from './loaders';
import type { Services } from '../services';

export interface GraphQLContext {
  viewer: Viewer | null;
  services: Services;
  loaders: Loaders;
}

export function buildContext(services: Services, authorization: string | undefined): GraphQLContext {
  const token = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const viewer = services.accounts.viewerFromToken(token);
  return { viewer, services, loaders: createLoaders(services, viewer?.id ?? null) };
}
