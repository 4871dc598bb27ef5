import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { envSchema, readTestEnv } from '../core/config';

// Renders docs/configuration.md and .env.example from the schema of core/config.ts, so that neither
// can drift from what the product accepts: `npm run docs:config` writes them and
// test/unit/config-docs.test.ts fails when the committed files differ.

export const ROOT = path.join(__dirname, '..');

/** The schema is one flat object; these groups are only how the documents present it. */
export const GROUPS: readonly { title: string; variables: readonly string[] }[] = [
  {
    title: 'Process and server',
    variables: ['NODE_ENV', 'ROLES', 'API_WORKERS', 'PORT', 'HOST', 'TRUST_PROXY', 'METRICS_TOKEN', 'LOG_LEVEL', 'SHUTDOWN_GRACE_MS'],
  },
  { title: 'Database and Redis', variables: ['DATABASE_URL', 'DATA_DIR', 'REDIS_URL', 'REDIS_PREFIX'] },
  { title: 'Accounts', variables: ['JWT_SECRET', 'JWT_TTL_SECONDS', 'BCRYPT_ROUNDS'] },
  { title: 'Demo data', variables: ['SEED_ON_START', 'SEED_SCALE'] },
  {
    title: 'API limits',
    variables: [
      'GRAPHQL_MAX_DEPTH',
      'GRAPHQL_MAX_COMPLEXITY',
      'GRAPHQL_MAX_TOKENS',
      'GRAPHQL_MAX_ALIASES',
      'GRAPHQL_MAX_DIRECTIVES',
      'RATE_LIMIT_LOGINS',
      'RATE_LIMIT_SIGNUPS',
      'RATE_LIMIT_MUTATIONS',
      'RATE_LIMIT_EVENTS',
      'RATE_LIMIT_UPLOADS',
      'EVENTS_MAX_PER_CALL',
      'VIEW_DEDUPE_MINUTES',
      'HTTP_BODY_LIMIT_BYTES',
    ],
  },
  { title: 'Read cache', variables: ['READ_CACHE_TTL_MS', 'READ_CACHE_MAX'] },
  { title: 'Feed and interest model', variables: ['FEED_EXPERIMENT', 'FEED_RECALL_QUOTAS', 'FEED_HIDE_SOLD_OUT', 'MODEL_POLL_MS'] },
  {
    title: 'Attribution and analytics',
    variables: ['ATTRIBUTION_CLICK_WINDOW_DAYS', 'ATTRIBUTION_VIEW_WINDOW_HOURS', 'ANALYTICS_ROLLUP_LAG_MS', 'EVENT_RETENTION_DAYS'],
  },
  { title: 'Orders and payment', variables: ['PAYMENT_PROVIDER', 'ORDER_PAYMENT_MINUTES'] },
  {
    title: 'Media',
    variables: [
      'STORAGE',
      'MEDIA_DIR',
      'MEDIA_URL_HOSTS',
      'MEDIA_MAX_IMAGE_BYTES',
      'MEDIA_MAX_IMAGE_PIXELS',
      'MEDIA_MAX_VIDEO_BYTES',
      'MEDIA_MAX_VIDEO_SECONDS',
      'MEDIA_UNATTACHED_MAX',
      'MEDIA_DAILY_BYTES',
      'MEDIA_UNATTACHED_TTL_HOURS',
      'MEDIA_AVIF',
      'FFMPEG_PATH',
      'FFPROBE_PATH',
    ],
  },
  {
    title: 'S3 storage',
    variables: [
      'S3_ENDPOINT',
      'S3_REGION',
      'S3_BUCKET',
      'S3_ACCESS_KEY_ID',
      'S3_SECRET_ACCESS_KEY',
      'S3_PUBLIC_URL',
      'S3_FORCE_PATH_STYLE',
    ],
  },
  { title: 'Background jobs', variables: ['JOB_LOCK_MS', 'BACKGROUND_NICE'] },
  { title: 'Web app', variables: ['WEB_DIST_DIR'] },
];

export interface Variable {
  name: string;
  description: string | undefined;
  /** What the variable accepts, in words. */
  accepts: string;
  /** The value in force when the variable is unset, as it would be written; undefined when there is none. */
  fallback: string | undefined;
}

interface JsonSchema {
  type?: string;
  enum?: unknown[];
  format?: string;
  default?: unknown;
  minimum?: number;
  exclusiveMinimum?: number;
  maximum?: number;
  minLength?: number;
}

/** Every variable of the schema, in its declaration order. */
export function configVariables(): Variable[] {
  // The input side is what an environment variable holds: the string a flag is written as, not the boolean it becomes.
  const properties = (z.toJSONSchema(envSchema, { io: 'input' }) as { properties: Record<string, JsonSchema> }).properties;
  return Object.entries(envSchema.shape).map(([name, field]) => {
    const json = properties[name];
    if (!json) throw new Error(`${name}: missing from the JSON schema`);
    return { name, description: field.description, accepts: accepts(name, json), fallback: fallback(json.default) };
  });
}

function accepts(name: string, json: JsonSchema): string {
  if (json.enum) return listed(json.enum.map((v) => `\`${String(v)}\``));
  if (json.type === 'integer' || json.type === 'number') {
    // .int() bounds integers to the safe range, which says nothing a reader needs.
    const min = json.minimum !== undefined && json.minimum > Number.MIN_SAFE_INTEGER ? json.minimum : undefined;
    const max = json.maximum !== undefined && json.maximum < Number.MAX_SAFE_INTEGER ? json.maximum : undefined;
    if (min !== undefined && max !== undefined) return `${json.type} from ${min} to ${max}`;
    const bounds = [
      min !== undefined ? `≥ ${min}` : undefined,
      json.exclusiveMinimum !== undefined ? `> ${json.exclusiveMinimum}` : undefined,
      max !== undefined ? `≤ ${max}` : undefined,
    ].filter(Boolean);
    return [json.type, bounds.join(', ')].filter(Boolean).join(' ');
  }
  if (json.type === 'string') {
    if (json.format === 'uri') return 'URL';
    if (json.minLength !== undefined) return `string of ${json.minLength}+ characters`;
    if (json.format === undefined) return 'string';
  }
  throw new Error(`${name}: scripts/config-docs.ts cannot describe ${JSON.stringify(json)}`);
}

function listed(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/**
 * Path defaults are absolute at start (DATA_DIR under the working directory, WEB_DIST_DIR under the repository, which
 * is where the documents are generated from); shown relative to it, the documents are the same on every machine.
 */
function fallback(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  const cwd = process.cwd();
  if (path.isAbsolute(text) && (text === cwd || text.startsWith(cwd + path.sep))) return `./${path.relative(cwd, text)}`;
  return text;
}

function grouped(variables: Variable[]): { title: string; variables: Variable[] }[] {
  const byName = new Map(variables.map((v) => [v.name, v]));
  const placed = new Set<string>();
  const groups = GROUPS.map((group) => ({
    title: group.title,
    variables: group.variables.map((name) => {
      const variable = byName.get(name);
      if (!variable) throw new Error(`${name} is in the group "${group.title}" but not in core/config.ts`);
      if (placed.has(name)) throw new Error(`${name} is in two groups`);
      placed.add(name);
      if (!variable.description) throw new Error(`${name} has no .describe() in core/config.ts`);
      return variable;
    }),
  }));
  const homeless = variables.filter((v) => !placed.has(v.name)).map((v) => v.name);
  if (homeless.length > 0) throw new Error(`no group in scripts/config-docs.ts for ${homeless.join(', ')}`);
  return groups;
}

export function renderMarkdown(variables: Variable[] = configVariables()): string {
  // A variable named in a description, with the value it is given there if any (ROLES=api), reads as code.
  const names = new RegExp(`\\b(?:${variables.map((v) => v.name).join('|')})\\b(?:=[^\\s,;:)]*[^\\s,;:).])?`, 'g');
  const cell = (text: string) => text.replaceAll('|', '\\|').replace(names, '`$&`');
  const test = readTestEnv({});
  const lines = [
    '# Configuration',
    '',
    '<!-- Generated by `npm run docs:config` from core/config.ts: edit the descriptions there, not here. -->',
    '',
    'Every setting is an environment variable, validated once at start by `core/config.ts`: a value it does not accept',
    'stops the start with a message naming the variable. [`.env.example`](../.env.example) lists them all with their defaults.',
  ];
  for (const group of grouped(variables)) {
    lines.push('', `## ${group.title}`, '', '| Variable | Default | Accepts | Description |', '| --- | --- | --- | --- |');
    for (const v of group.variables) {
      lines.push(
        `| \`${v.name}\` | ${v.fallback === undefined ? 'unset' : `\`${v.fallback}\``} | ${v.accepts} | ${cell(v.description ?? '')} |`,
      );
    }
  }
  lines.push(
    '',
    '## Tests',
    '',
    "The tests read two more, outside the product's schema (`readTestEnv` in `core/config.ts`): `TEST_DATABASE_URL`, the",
    `PostgreSQL server in which each integration test file creates its own database (default \`${test.adminDatabaseUrl}\`), and`,
    '`TEST_DB=pglite`, which the jest project `pglite` sets to run the integration tests against embedded PGlite instead.',
    'Both projects use the Redis at `REDIS_URL`.',
  );
  return `${lines.join('\n')}\n`;
}

const ENV_WIDTH = 100;

export function renderEnvExample(variables: Variable[] = configVariables()): string {
  const lines = [
    '# Every environment variable seedfeed reads, with its default; docs/configuration.md says more.',
    '# Generated by `npm run docs:config` from core/config.ts: edit the descriptions there, not here.',
    '#',
    '# The product reads its environment, not this file: copy it to .env, uncomment what you change,',
    '# and load it, e.g. `set -a; . ./.env; set +a; npm start`.',
  ];
  for (const group of grouped(variables)) {
    lines.push('', `## ${group.title}`);
    for (const v of group.variables) {
      const accepted = v.accepts === 'string' ? '' : ` Accepts: ${v.accepts.replaceAll('`', '')}.`;
      lines.push('', ...wrap(`${v.description ?? ''}${accepted}`, ENV_WIDTH - 2).map((line) => `# ${line}`));
      lines.push(`# ${v.name}=${v.fallback ?? ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  // A bound stays with its number: "≥ 1000", not "≥" at the end of one line and "1000" on the next.
  for (const word of text.split(/(?<![≥>≤])\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

export const OUTPUTS: readonly { file: string; render: () => string }[] = [
  { file: 'docs/configuration.md', render: () => renderMarkdown() },
  { file: '.env.example', render: () => renderEnvExample() },
];

if (require.main === module) {
  for (const output of OUTPUTS) {
    writeFileSync(path.join(ROOT, output.file), output.render());
    console.log(`wrote ${output.file}`);
  }
}
