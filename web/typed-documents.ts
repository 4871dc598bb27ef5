import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const DEFINITION = /^\s*(query|mutation|subscription|fragment)\s+(\w+)/;
const GQL_IMPORT = /^import\s*\{\s*graphql\s*\}\s*from\s*['"](?:\.{1,2}\/)+gql['"];?[ \t]*$/m;

/**
 * Replaces each `graphql(`…`)` of the app with the document GraphQL Code Generator wrote for it (`FeedDocument`,
 * `NoteCardFieldsFragmentDoc`), imported from `src/gql/graphql.ts`: what the client preset's Babel plugin does. Without
 * it every page's script carries `src/gql/gql.ts`, a map from each operation's text to its document, for all 50
 * operations of the app; with it a script holds only the documents it uses, once.
 */
export function typedDocuments(srcDir: string): Plugin {
  const gqlDir = path.join(srcDir, 'gql');
  const generated = path.join(gqlDir, 'graphql.ts');
  let exported: Set<string> | undefined;
  return {
    name: 'seedfeed-typed-documents',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(srcDir + path.sep) || id.startsWith(gqlDir + path.sep) || !/\.tsx?$/.test(id) || !GQL_IMPORT.test(code))
        return null;
      exported ??= new Set([...readFileSync(generated, 'utf8').matchAll(/^export const (\w+)/gm)].map((m) => m[1]!));
      const names = new Set<string>();
      const replaced = code.replace(CALL, (_call, source: string) => {
        const [, kind, name] = DEFINITION.exec(source) ?? [];
        const document = kind === 'fragment' ? `${name}FragmentDoc` : `${name}Document`;
        if (!name || !exported?.has(document))
          this.error(`no generated document for graphql(\`${source.trim().slice(0, 60)}…\`): run npm run codegen`);
        names.add(document);
        return document;
      });
      if (/\bgraphql\(/.test(replaced)) this.error('a graphql() call that is not a plain template literal was left in place');
      return { code: replaced.replace(GQL_IMPORT, `import { ${[...names].join(', ')} } from ${JSON.stringify(generated)};`), map: null };
    },
  };
}
