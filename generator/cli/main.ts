/** The gen command line. Each command lives in commands/; heavy modules load only when a command needs them. */
import { relative } from 'node:path';
import { packageVersion } from '../package-root.js';
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { buildCommand } from './commands/build.js';
import { validateCommand } from './commands/validate.js';
import { docsCommand } from './commands/docs.js';
import { schemaCommand } from './commands/schema.js';
import { checkCommand } from './commands/check.js';
import { rulesCommand } from './commands/rules.js';
import { deployCommand } from './commands/deploy.js';
import { bootstrapCommand } from './commands/bootstrap.js';
import { diffCommand } from './commands/diff.js';
import { driftCommand } from './commands/drift.js';
import { destroyCommand } from './commands/destroy.js';
import { localCommand } from './commands/local.js';
import { initCommand } from './commands/init.js';
import { graphCommand } from './commands/graph.js';
import { secretCommand } from './commands/secret.js';
import { EXIT } from './exit-codes.js';

/** Listed in --help in this order. */
const COMMANDS = [
  buildCommand,
  validateCommand,
  initCommand,
  checkCommand,
  graphCommand,
  diffCommand,
  driftCommand,
  deployCommand,
  bootstrapCommand,
  secretCommand,
  destroyCommand,
  localCommand,
  rulesCommand,
  schemaCommand,
  docsCommand,
];

const version = packageVersion();

async function main(argv: string[]): Promise<number> {
  let code: number = EXIT.ok;
  // Commands return their exit code; yargs only parses and dispatches (argument types are each command's own).
  const register = (c: {
    command: string;
    describe: string;
    builder: (y: any) => any;
    run: (args: any) => number | Promise<number>;
  }) => ({
    command: c.command,
    describe: c.describe,
    builder: c.builder,
    handler: async (args: unknown) => {
      code = await c.run(args);
    },
  });
  const cli = yargs(argv);
  // yargs renders the full help text of every command it runs, in case it fails later (~25 ms
  // of a 250 ms build). gen never prints help on a command's failure, so skip that work.
  const usage = (
    cli as unknown as { getInternalMethods?: () => { getUsageInstance?: () => { cacheHelpMessage?: () => void } } }
  )
    .getInternalMethods?.()
    .getUsageInstance?.();
  if (usage?.cacheHelpMessage) usage.cacheHelpMessage = () => {};
  await cli
    .scriptName('gen')
    .usage('$0 <command> [options]\n\nTurns the YAML specs in spec/ into CloudFormation templates, per environment.')
    .command(COMMANDS.map(register))
    .demandCommand(1, 'Name a command: gen build --env test, gen validate, ... (gen --help lists them)')
    .strict()
    .version(version)
    .help()
    .alias('h', 'help')
    .epilogue(
      'Exit codes: 0 success, 1 errors in the spec or environments (or a refused deploy), 2 wrong usage (unknown command or option), 3 internal error.\nDocs: README.md',
    )
    .wrap(Math.min(110, process.stdout.columns || 100))
    .fail((message, err) => {
      if (err) throw err;
      process.stderr.write(`gen: ${message}\nRun 'gen --help' for usage.\n`);
      process.exit(EXIT.usage);
    })
    .parseAsync();
  return code;
}

// A reader that goes away early (`gen rules | head`) is not an error worth a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    else throw e;
  });
}

const FS_REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOENT: 'no such file or folder',
  ENOTDIR: 'a file is where a folder should be',
  EISDIR: 'a folder is where a file should be',
  EEXIST: 'it already exists',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  ELOOP: 'symbolic links loop',
};

function filesystemError(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException;
  if (!e || typeof e !== 'object' || !e.code || !FS_REASONS[e.code] || typeof e.path !== 'string') return undefined;
  const verb =
    e.syscall === 'open'
      ? 'open'
      : ['mkdir', 'write', 'rename', 'copyfile', 'unlink', 'rmdir', 'symlink'].includes(String(e.syscall))
        ? 'write'
        : 'read';
  return `cannot ${verb} ${relative(process.cwd(), e.path) || e.path}: ${FS_REASONS[e.code]}`;
}

main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // A file or folder the operating system refused (permissions, a file where a folder goes, a
    // full disk) is the user's to fix: said with its path and reason, exit 1, never "internal".
    const fsError = filesystemError(err);
    if (fsError) {
      process.stderr.write(`gen: ${fsError}\n`);
      process.exitCode = EXIT.specErrors;
      return;
    }
    // Bad input never gets here (it becomes diagnostics); this is a bug in gen.
    process.stderr.write(`gen: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (process.env.GEN_DEBUG) process.stderr.write(`${err instanceof Error ? err.stack : ''}\n`);
    else process.stderr.write('Please report it with the spec that caused it; set GEN_DEBUG=1 to see details.\n');
    process.exitCode = EXIT.internal;
  },
);
