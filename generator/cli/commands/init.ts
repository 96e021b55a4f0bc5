/** gen init [dir]: a small working project (one table, one function, two routes, one alarm, test and production). */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { BUILTIN } from '../../sections/index.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import { EXIT } from '../exit-codes.js';
import { forEditors } from './schema.js';

const TEMPLATE = join(PACKAGE_ROOT, 'templates', 'init');

export const initCommand = {
  command: 'init [dir]',
  describe: 'Create a small working project to start from (builds and deploys to --local as it is)',
  builder: (yargs: Argv) =>
    yargs.positional('dir', {
      type: 'string',
      default: '.',
      describe: 'Folder to create it in (must be empty or new)',
    }),
  run: (args: { dir: string }) => {
    const dir = resolve(args.dir);
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      process.stderr.write(`gen: ${args.dir} is not empty; choose a new folder, for example: gen init my-app\n`);
      return EXIT.usage;
    }
    mkdirSync(dir, { recursive: true });
    cpSync(TEMPLATE, dir, { recursive: true });
    renameSync(join(dir, 'gitignore'), join(dir, '.gitignore')); // npm would drop a packaged .gitignore
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'schemas/spec.schema.json'), forEditors(BUILTIN.schemas.spec));
    writeFileSync(join(dir, 'schemas/environment.schema.json'), forEditors(BUILTIN.schemas.environment));
    const where = relative(process.cwd(), dir) || '.';
    process.stdout.write(
      `gen: created a project in ${where}/\n  cd ${where}\n  gen build --env test          # templates in out/test/\n  gen deploy --env test --local # try it without an AWS account\n`,
    );
    return EXIT.ok;
  },
};
