/** gen init [dir]: a small working project (one table, one function, two routes, one alarm, test and production). */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { BUILTIN } from '../../sections/index.js';
import { PACKAGE_ROOT } from '../../package-root.js';
import { EXIT } from '../exit-codes.js';
import { forEditors } from './schema.js';
import { KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';

const TEMPLATE = join(PACKAGE_ROOT, 'templates', 'init');

interface InitArgs {
  dir: string;
  ci: boolean;
  ciOnly: boolean;
  force: boolean;
}

export const initCommand = {
  command: 'init [dir]',
  describe: 'Create a small working project to start from (builds and deploys to --local as it is)',
  builder: (yargs: Argv) =>
    yargs
      .positional('dir', {
        type: 'string',
        default: '.',
        describe: 'Folder to create it in (must be empty or new)',
      })
      .option('ci', {
        type: 'boolean',
        default: true,
        describe: 'Also write the GitHub Actions workflow .github/workflows/gen.yml (--no-ci: leave it out)',
      })
      .option('ci-only', {
        type: 'boolean',
        default: false,
        describe: 'Write only the workflow, into the existing project in dir (for its environments)',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'With --ci-only: replace an existing .github/workflows/gen.yml',
      })
      .example('$0 init my-app', 'a new project, with its GitHub Actions workflow')
      .example('$0 init --ci-only', 'add the workflow to this project (refuses to replace one; --force does)'),
  run: async (args: InitArgs) => {
    if (args.ciOnly) return writeWorkflowOnly(args);
    const dir = resolve(args.dir);
    if (existsSync(dir) && readdirSync(dir).length > 0) {
      process.stderr.write(`gen: ${args.dir} is not empty; choose a new folder, for example: gen init my-app\n`);
      return EXIT.usage;
    }
    mkdirSync(dir, { recursive: true });
    cpSync(TEMPLATE, dir, { recursive: true });
    renameSync(join(dir, 'gitignore'), join(dir, '.gitignore')); // npm would drop a packaged .gitignore
    const project = nameProject(dir);
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, 'schemas/spec.schema.json'), forEditors(BUILTIN.schemas.spec));
    writeFileSync(join(dir, 'schemas/environment.schema.json'), forEditors(BUILTIN.schemas.environment));
    if (args.ci) {
      const written = await writeWorkflow(dir);
      if (written !== EXIT.ok) return written;
    }
    const where = relative(process.cwd(), dir) || '.';
    process.stdout.write(
      `gen: created project '${project}' in ${where}/ (its stacks: ${project}-<environment>-<layer>; the name is project.name in spec/app.yaml)\n  cd ${where}\n  gen build --env test          # templates in out/test/\n  gen deploy --env test --local # try it without an AWS account\n`,
    );
    if (args.ci) process.stdout.write(CI_NOTE);
    return EXIT.ok;
  },
};

/** The template's project is named after its folder when that is a valid name, so two projects made by gen init do not deploy into each other's stacks. */
function nameProject(dir: string): string {
  const folder = basename(dir);
  if (!new RegExp(KEBAB_NAME).test(folder) || folder.length > projectNameMax()) return 'demo';
  const file = join(dir, 'spec/app.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}name: demo$/m, `  name: ${folder}`));
  return folder;
}
/** project.name's maxLength, from the schema that checks it. */
const projectNameMax = (): number => {
  const project = (BUILTIN.schemas.spec.properties as Record<string, JsonSchema>).project;
  return (project.properties as Record<string, JsonSchema>).name.maxLength as number;
};

const CI_NOTE =
  "  .github/workflows/gen.yml     # CI: add gen to package.json's devDependencies, commit placement/ after a build, then gen bootstrap --github-repo (README)\n";

/** The workflow for the project in `dir`, from its environment files; exit 1 when they do not resolve. */
async function writeWorkflow(dir: string, force = true): Promise<number> {
  const [{ resolveAllEnvironments }, { renderWorkflow, WORKFLOW_FILE }, { printDiagnostics }] = await Promise.all([
    import('../../environment/resolve.js'),
    import('../../ci/workflow.js'),
    import('../common.js'),
  ]);
  const resolved = resolveAllEnvironments(dir, BUILTIN.schemas);
  const envs = resolved.flatMap((r) => (r.env ? [r.env] : []));
  if (envs.length === 0 || envs.length < resolved.length) {
    printDiagnostics(
      dir,
      resolved.flatMap((r) => r.diagnostics),
    );
    process.stderr.write(
      envs.length === 0
        ? `gen: no environments in ${relative(process.cwd(), join(dir, 'environments')) || '.'}/: the workflow builds and deploys them\n`
        : 'gen: fix the environment files first: the workflow is written from them\n',
    );
    return EXIT.specErrors;
  }
  const file = join(dir, WORKFLOW_FILE);
  if (!force && existsSync(file)) {
    process.stderr.write(`gen: ${relative(process.cwd(), file)} exists; pass --force to replace it\n`);
    return EXIT.usage;
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderWorkflow(envs.map((e) => ({ name: e.name, region: e.region, protected: e.protected }))));
  return EXIT.ok;
}

async function writeWorkflowOnly(args: InitArgs): Promise<number> {
  if (!args.ci) {
    process.stderr.write('gen: --ci-only and --no-ci ask for nothing: pass one of them\n');
    return EXIT.usage;
  }
  const dir = resolve(args.dir);
  const code = await writeWorkflow(dir, args.force);
  if (code === EXIT.ok)
    process.stdout.write(`gen: wrote ${relative(process.cwd(), join(dir, '.github/workflows/gen.yml'))}\n${CI_NOTE}`);
  return code;
}
