import helmet from 'helmet';
import type { RequestHandler } from 'express';
import type { Config } from '../core/config';

/**
 * helmet's headers on every answer (no sniffing, no framing, HSTS, a strict referrer policy, and no
 * other site loading our resources), without a content security policy: API answers are JSON, and
 * the GraphQL explorer of development loads its page from Apollo's CDN.
 */
export function securityHeaders(): RequestHandler {
  return helmet({ contentSecurityPolicy: false });
}

/**
 * The web app's content security policy: its own scripts only, so that injected markup cannot run
 * script. Product images and external note media come from brands' and creators' hosts over https;
 * with S3 storage, video segments are fetched from the bucket's public URL.
 */
export function webContentPolicy(config: Pick<Config, 'STORAGE' | 'S3_PUBLIC_URL'>): RequestHandler {
  const bucket = config.STORAGE === 's3' && config.S3_PUBLIC_URL ? [new URL(config.S3_PUBLIC_URL).origin] : [];
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
      mediaSrc: ["'self'", 'blob:', 'https:'],
      connectSrc: ["'self'", ...bucket],
      workerSrc: ["'self'", 'blob:'],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
}
