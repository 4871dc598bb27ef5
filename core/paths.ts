import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The directory of package.json. The files read at run time (migrations, GraphQL schema, the built web app)
 * stay beside the sources, while the code runs from core/ under tsx or from dist/core/ once compiled: each
 * is found from the root, which is the same in both.
 */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
