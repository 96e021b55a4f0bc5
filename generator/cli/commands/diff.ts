/** gen diff --env <name>: what a deploy would change, without creating anything. */
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { hasErrors } from '../../diagnostics.js';
import { build } from '../../pipeline/build.js';
import { outputFiles, writeOutput } from '../../pipeline/write.js';
import { diagnosticsJson, printDiagnostics, printJson } from '../common.js';
import { BUILTIN } from '../../sections/index.js';
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
      const [{ diffStacks, formatDiff }, { findingDiagnostics }, { formatStages }] = await Promise.all([
        import('../../deploy/diff.js'),
        import('../../deploy/update-rules/locate.js'),
        import('../../deploy/update-rules/check-stacks.js'),
      ]);
      const diffs = await diffStacks(target.clients, result.manifest, outDir, target.account);
      // What AWS would refuse in these changes (or take only in steps), at the spec lines that make them.
      const findings = findingDiagnostics(
        diffs.flatMap((d) => d.findings.map((f) => ({ ...f, stackFile: d.file }))),
        result.spec,
        BUILTIN,
        target.env.file,
      );
      if (args.json)
        printJson({
          command: 'diff',
          environment: target.env.name,
          stacks: diffs,
          diagnostics: diagnosticsJson(target.paths.root, findings),
        });
      else {
        process.stdout.write(formatDiff(diffs) + '\n');
        for (const d of diffs)
          for (const line of formatStages(d.stackName, d.stages)) process.stdout.write(`${line}\n`);
        printDiagnostics(target.paths.root, findings);
      }
      // A change AWS would refuse is an error now, as gen deploy would refuse it before changing anything.
      return hasErrors(findings) ? EXIT.specErrors : EXIT.ok;
    }),
};
