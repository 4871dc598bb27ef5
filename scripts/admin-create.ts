import { resolveJwtSecret } from '../core/jwt-secret';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { AccountsService } from '../accounts/accounts.service';
import { openMigratedDatabase } from '../boot';
import { loadConfig } from '../core/config';
import { isAppError } from '../core/errors';
import { UsersRepository } from '../models/repositories/users.repository';

const USAGE = 'usage: npm run admin:create -- --handle <handle> [--name <display name>] [--email <email>]';
const HELP = `${USAGE}
  Creates an administrator in the database the product uses (DATABASE_URL, or PGlite in $DATA_DIR).
  The password is read from the terminal without echo, or from the first line of standard input
  (printf '%s\\n' "$PASSWORD" | npm run admin:create -- --handle root): never from the command line, where
  other users and shell history would see it.`;

// npm run admin:create: the first administrator of a production database, which is never seeded with demo accounts.
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { handle: { type: 'string' }, name: { type: 'string' }, email: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  if (!values.handle) throw new Error(`--handle is required\n${USAGE}`);
  const config = loadConfig();
  const password = await readPassword(`Password for ${values.handle}: `);
  const database = await openMigratedDatabase(config);
  try {
    const accounts = new AccountsService(
      new UsersRepository(database.db),
      { ...config, jwtSecret: resolveJwtSecret(config) },
      { max: 1, ttlMs: 1 },
    );
    const admin = await accounts.createAdmin({
      handle: values.handle,
      password,
      displayName: values.name ?? values.handle,
      email: values.email,
    });
    console.log(`Created administrator ${admin.handle} (${admin.id}).`);
  } finally {
    await database.close();
  }
}

/** A line from the terminal with echo off, or the first line of standard input when it is not a terminal. */
function readPassword(prompt: string): Promise<string> {
  const { stdin } = process;
  if (!stdin.isTTY) {
    const lines = createInterface({ input: stdin, terminal: false });
    return new Promise((resolve) => {
      let first: string | undefined;
      lines.once('line', (line) => {
        first = line;
        lines.close();
      });
      lines.once('close', () => resolve(first ?? ''));
    });
  }
  process.stderr.write(prompt);
  stdin.setRawMode(true);
  return new Promise((resolve) => {
    let typed = '';
    const onData = (chunk: Buffer) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\u0003') process.exit(130);
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.off('data', onData);
          stdin.pause();
          process.stderr.write('\n');
          resolve(typed);
          return;
        }
        typed = char === '\u007f' ? typed.slice(0, -1) : typed + char;
      }
    };
    stdin.on('data', onData);
  });
}

main().catch((error: unknown) => {
  console.error(isAppError(error) ? `${error.message}${error.field ? ` (${error.field})` : ''}` : error);
  process.exit(1);
});
