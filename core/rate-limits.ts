import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from './config';
import { RateLimitedError } from './errors';
import type { Redis } from './redis';

export type RateLimitedAction = 'logIn' | 'logInAnyAccount' | 'signUp' | 'mutation' | 'events' | 'upload';

export type RateLimitsConfig = Pick<
  Config,
  'RATE_LIMIT_LOGINS' | 'RATE_LIMIT_SIGNUPS' | 'RATE_LIMIT_MUTATIONS' | 'RATE_LIMIT_EVENTS' | 'RATE_LIMIT_UPLOADS'
>;

const MINUTE = 60;

/** What each action may cost a client in its window, and what a client who went past it is told. */
function budgets(config: RateLimitsConfig): Record<RateLimitedAction, { points: number; seconds: number; message: string }> {
  return {
    logIn: { points: config.RATE_LIMIT_LOGINS, seconds: 15 * MINUTE, message: 'Too many log-in attempts for this account' },
    logInAnyAccount: { points: config.RATE_LIMIT_LOGINS * 10, seconds: 15 * MINUTE, message: 'Too many log-in attempts' },
    signUp: { points: config.RATE_LIMIT_SIGNUPS, seconds: 60 * MINUTE, message: 'Too many new accounts from this address' },
    mutation: { points: config.RATE_LIMIT_MUTATIONS, seconds: MINUTE, message: 'Too many changes in a minute' },
    events: { points: config.RATE_LIMIT_EVENTS, seconds: MINUTE, message: 'Too many events in a minute' },
    upload: { points: config.RATE_LIMIT_UPLOADS, seconds: 60 * MINUTE, message: 'Too many uploads in an hour' },
  };
}

/**
 * Per-client budgets kept in Redis, so that every API process counts against the same ones. `consume` spends from a
 * client's budget for an action and throws RateLimitedError (HTTP 429 with Retry-After) once it is spent. When Redis
 * cannot be reached the request goes ahead: an outage of the counter must not take logging in down with it.
 */
export class RateLimits {
  private readonly limiters: Record<RateLimitedAction, { limiter: RateLimiterRedis; message: string }>;

  constructor(redis: Redis, config: RateLimitsConfig) {
    const entries = Object.entries(budgets(config)).map(([action, budget]) => [
      action,
      {
        limiter: new RateLimiterRedis({
          storeClient: redis,
          // The client adds the deployment's REDIS_PREFIX.
          keyPrefix: `rate:${action}`,
          points: budget.points,
          duration: budget.seconds,
        }),
        message: budget.message,
      },
    ]);
    this.limiters = Object.fromEntries(entries) as RateLimits['limiters'];
  }

  async consume(action: RateLimitedAction, client: string, points = 1): Promise<void> {
    const { limiter, message } = this.limiters[action];
    try {
      await limiter.consume(client, points);
    } catch (outcome) {
      if (!(outcome instanceof RateLimiterRes)) return;
      const retryAfterSeconds = Math.max(1, Math.ceil(outcome.msBeforeNext / 1000));
      throw new RateLimitedError(`${message}; try again in ${retryAfterSeconds} s`, retryAfterSeconds);
    }
  }
}
