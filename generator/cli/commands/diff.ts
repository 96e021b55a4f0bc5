/** gen diff --env <name>: what a deploy would change, without creating anything. */
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { hasErrors } from '../../diagnostics.js';
import { build } from '../../pipeline/build.js';
import { outputFiles, writeOutput } from '../../pipeline/write.js';
import { printDiagnostics, printJson } from '../common.js';
import { EXIT } from '../exit-codes.js';
import { withTarget, withTargetOptions, type TargetArgs } from './target-options.js';

export const diffCommand = {
  command: 'diff',
  describe: 'Show what a deploy would add, change, replace or remove in each stack (creates nothing)',
  builder: (yargs: Argv) =>
    withTargetOptions(yargs)
      .option('out', { type: 'string', describe: 'Output folder', defaultDescription: '<project>/out' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the diff as JSON' }),
  run: (args: TargetArgs & { out?: string }) =>
    withTarget(args, 'diff', async (target) => {
      const result = build(target.paths, target.env.name);
      if (hasErrors(result.diagnostics) || !result.stacks || !result.manifest) {
        printDiagnostics(target.paths.root, result.diagnostics);
        return EXIT.specErrors;
      }
      const outDir = writeOutput(
        resolve(args.out ?? join(target.paths.root, 'out')),
        target.env.name,
        outputFiles({ ...result, stacks: result.stacks, manifest: result.manifest }),
      );
      const { diffStacks, formatDiff } = await import('../../deploy/diff.js');
      const diffs = await diffStacks(target.clients, result.manifest, outDir);
      if (args.json) printJson({ command: 'diff', environment: target.env.name, stacks: diffs });
      else process.stdout.write(formatDiff(diffs) + '\n');
      return EXIT.ok;
    }),
};
