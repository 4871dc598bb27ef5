import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configVariables, OUTPUTS, ROOT } from '../../scripts/config-docs';

describe('configuration documents', () => {
  it('has a description for every variable of core/config.ts', () => {
    expect(
      configVariables()
        .filter((v) => !v.description?.trim())
        .map((v) => v.name),
    ).toEqual([]);
  });

  it.each(OUTPUTS.map((output) => [output.file, output] as const))('%s is up to date (npm run docs:config rewrites it)', (file, output) => {
    expect(readFileSync(path.join(ROOT, file), 'utf8')).toBe(output.render());
  });
});
