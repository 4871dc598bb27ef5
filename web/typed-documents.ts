import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const DEFINITION = /^\s*(query|mutation|subscription|fragment)\s+(\w+)/;
const GQL_IMPORT = /^import\s*\{\s*graphql\s*\}\s*from\s*['"](?:\.{1,2}\/)+gql['"];?[ \t]*$/m;
const EXPORTED_DOCUMENT = /^export const (\w+(?:Document|FragmentDoc)) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm;
// Rollup's convention for a module that exists only inside a plugin.
const VIRTUAL = '\0seedfeed-document:';

/**
 * Replaces each `graphql(`…`)` of the app with the document GraphQL Code Generator wrote for it (`FeedDocument`,
 * `NoteCardFieldsFragmentDoc`): what the client preset's Babel plugin does. Without it every page's script carries
 * `src/gql/gql.ts`, a map from each operation's text to its document, for all 50 operations of the app. Each document
 * is a module of its own, so a script holds only the documents it uses: imported from `src/gql/graphql.ts` as one
 * module, every document would sit in the first script, lazy pages' too. A document is a JSON.parse of its text, which
 * V8 reads faster than the same object as a literal.
 */
export function typedDocuments(srcDir: string): Plugin {
  const gqlDir = path.join(srcDir, 'gql');
  const generated = path.join(gqlDir, 'graphql.ts');
  let exported: Map<string, string> | undefined;
  const documents = () =>
    (exported ??= new Map([...readFileSync(generated, 'utf8').matchAll(EXPORTED_DOCUMENT)].map((m) => [m[1]!, m[2]!])));
  return {
    name: 'seedfeed-typed-documents',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(VIRTUAL) ? id : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const json = documents().get(id.slice(VIRTUAL.length));
      if (json === undefined) return null;
      return `export default JSON.parse(${JSON.stringify(json)});`;
    },
    transform(code, id) {
      if (!id.startsWith(srcDir + path.sep) || id.startsWith(gqlDir + path.sep) || !/\.tsx?$/.test(id) || !GQL_IMPORT.test(code))
        return null;
      const names = new Set<string>();
      const replaced = code.replace(CALL, (_call, source: string) => {
        const [, kind, name] = DEFINITION.exec(source) ?? [];
        const document = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        if (!name || !documents().has(document))
          this.error(`no generated document for graphql(\`${source.trim().slice(0, 60)}…\`): run npm run codegen`);
        names.add(document);
        return document;
      });
      if (/\bgraphql\(/.test(replaced)) this.error('a graphql() call that is not a plain template literal was left in place');
      const imports = [...names].map((name) => `import ${name} from ${JSON.stringify(VIRTUAL + name)};`).join(' ');
      return { code: replaced.replace(GQL_IMPORT, imports), map: null };
    },
  };
}
