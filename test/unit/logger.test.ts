import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pino from 'pino';
import { serializeError } from '../../core/logger';

describe('error logs', () => {
  it("leave out a failed query's bound values (a password hash, say) and keep the query and the database's reason", () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_handle_key"'), { code: '23505' });
    const failed = new DrizzleQueryError(
      'insert into "users" ("handle", "password_hash") values ($1, $2)',
      ['alice', '$2b$10$secretsecret'],
      cause,
    );
    let line = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        line += chunk.toString();
        done();
      },
    });
    pino({ serializers: { err: (error: unknown) => serializeError(error) } }, sink).error(
      { err: new Error('sign-up failed', { cause: failed }) },
      'boom',
    );
    expect(line).not.toContain('secretsecret');
    expect(line).not.toContain('alice');
    expect(line).toContain('insert into \\"users\\"');
    expect(line).toContain('2 bound values, not logged');
    expect(line).toContain('users_handle_key');
  });
});
