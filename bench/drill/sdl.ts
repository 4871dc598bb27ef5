import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildASTSchema, parse, type GraphQLField, type GraphQLObjectType, type GraphQLSchema } from 'graphql';

const SCHEMA_DIR = path.join(__dirname, '..', '..', 'api', 'schema');

export type RootKind = 'query' | 'mutation' | 'subscription';

/** One field of Query, Mutation or Subscription: what a client can call. */
export interface RootOperation {
  kind: RootKind;
  /** Query.feed, Mutation.signUp, Subscription.uploadProgress. */
  key: string;
  name: string;
  field: GraphQLField<unknown, unknown>;
}

/** Every .graphql file under api/schema, sorted: a new domain's file is picked up without touching this drill. */
export function schemaFiles(dir = SCHEMA_DIR): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...schemaFiles(full));
    else if (entry.name.endsWith('.graphql')) found.push(full);
  }
  return found.sort();
}

/**
 * The API's schema from its SDL alone (no resolvers, no introspection, which production turns off):
 * the files are one document, so `extend type Query` in one domain extends the `type Query` of another.
 */
export function loadSdlSchema(): GraphQLSchema {
  const files = schemaFiles();
  if (files.length === 0) throw new Error(`no .graphql files under ${SCHEMA_DIR}`);
  const document = parse(files.map((file) => readFileSync(file, 'utf8')).join('\n'));
  return buildASTSchema(document);
}

/** The schema's callable operations, in schema order. */
export function rootOperations(schema: GraphQLSchema): RootOperation[] {
  const roots: [RootKind, GraphQLObjectType | null | undefined][] = [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
    ['subscription', schema.getSubscriptionType()],
  ];
  return roots.flatMap(([kind, type]) =>
    type ? Object.values(type.getFields()).map((field) => ({ kind, key: `${type.name}.${field.name}`, name: field.name, field })) : [],
  );
}
