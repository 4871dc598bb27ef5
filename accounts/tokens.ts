import { createSecretKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';

/** Who issues the API's tokens and whom they are for: a token signed with the same secret for another purpose is refused. */
const TOKEN_ISSUER = 'seedfeed';
const TOKEN_AUDIENCE = 'seedfeed-api';
/** The account's token generation when the token was issued (users.token_generation). */
const GENERATION_CLAIM = 'gen';

/** What a verified token says: whose it is, and of which of the account's token generations. */
export interface TokenClaims {
  userId: string;
  generation: unknown;
}

/** Signs and checks the API's bearer tokens (HS256 JWTs); the one home of their claims. */
export class AccessTokens {
  private readonly key: KeyObject;

  constructor(
    secret: string,
    private readonly ttlSeconds: number,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  issue(user: { id: string; tokenGeneration: number }): string {
    return jwt.sign({ [GENERATION_CLAIM]: user.tokenGeneration }, this.key, {
      algorithm: 'HS256',
      subject: user.id,
      issuer: TOKEN_ISSUER,
      audience: TOKEN_AUDIENCE,
      expiresIn: this.ttlSeconds,
    });
  }

  /** The token's claims, or null when it is forged, expired, meant for another service or malformed. */
  verify(token: string): TokenClaims | null {
    try {
      const payload = jwt.verify(token, this.key, { algorithms: ['HS256'], issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
      if (typeof payload !== 'object' || typeof payload.sub !== 'string') return null;
      return { userId: payload.sub, generation: payload[GENERATION_CLAIM] };
    } catch {
      return null;
    }
  }
}
