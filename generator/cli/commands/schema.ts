/** gen schema: write the JSON Schemas of spec and environment files, for editor autocomplete and hover docs. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { BUILTIN } from '../../sections/index.js';
import { EXIT } from '../exit-codes.js';

/** Editors know draft-07; `hint` is ours and harmless to them. */
export const forEditors = (schema: object) =>
  JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', ...schema }, undefined, 2) + '\n';

export const schemaCommand = {
  command: 'schema',
  describe: 'Write JSON Schemas for spec/ and environments/ files (editor autocomplete via yaml-language-server)',
  builder: (yargs: Argv) =>
    yargs.option('dir', {
      type: 'string',
      default: 'schemas',
      describe: 'Folder to write spec.schema.json and environment.schema.json to',
    }),
  run: (args: { dir: string }) => {
    const dir = resolve(args.dir);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'spec.schema.json'), forEditors(BUILTIN.schemas.spec));
    writeFileSync(join(dir, 'environment.schema.json'), forEditors(BUILTIN.schemas.environment));
    process.stdout.write(
      `gen: wrote ${join(args.dir, 'spec.schema.json')} and ${join(args.dir, 'environment.schema.json')}\n`,
    );
    return EXIT.ok;
  },
};
