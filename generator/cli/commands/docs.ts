/** gen docs: rewrite the field reference in README.md from the schemas (or --check that it is fresh). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv } from 'yargs';
import { fieldReference } from '../../docs/field-reference.js';
import { EXIT } from '../exit-codes.js';

const START = '<!-- field-reference:start -->';
const END = '<!-- field-reference:end -->';

export function withFieldReference(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${START} and ${END}`);
  return `${readme.slice(0, start + START.length)}\n${fieldReference()}${readme.slice(end)}`;
}

export const docsCommand = {
  command: 'docs',
  describe: 'Regenerate the field reference in README.md from the schemas (--check: fail if stale)',
  builder: (yargs: Argv) =>
    yargs
      .option('readme', { type: 'string', default: 'README.md', describe: 'README to update' })
      .option('check', { type: 'boolean', default: false, describe: 'Only check that the README is up to date' }),
  run: (args: { readme: string; check: boolean }) => {
    const path = join(process.cwd(), args.readme);
    const current = readFileSync(path, 'utf8');
    const next = withFieldReference(current);
    if (args.check) {
      if (next === current) return EXIT.ok;
      process.stderr.write(`gen: ${args.readme} field reference is stale; run 'gen docs'\n`);
      return EXIT.specErrors;
    }
    writeFileSync(path, next);
    return EXIT.ok;
  },
};
