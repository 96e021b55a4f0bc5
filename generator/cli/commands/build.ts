/** gen build --env <name>: compile the spec into CloudFormation templates under out/<env>/. */
import { relative, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { hasErrors } from '../../diagnostics.js';
import { build } from '../../pipeline/build.js';
import { outputFiles, placementDrift, writeOutput, writePlacement } from '../../pipeline/write.js';
import { diagnosticsJson, printDiagnostics, printJson, projectPaths, summary, withCommonOptions, type CommonArgs } from '../common.js';
import { EXIT } from '../exit-codes.js';

interface BuildArgs extends CommonArgs { env: string; out?: string; watch?: boolean; locked?: boolean }

export const buildCommand = {
  command: 'build',
  describe: 'Validate the spec and write CloudFormation templates for one environment to out/<env>/',
  builder: (yargs: Argv) => withCommonOptions(yargs)
    .option('env', { type: 'string', demandOption: true, describe: 'Environment to build (a file in environments/)' })
    .option('out', { type: 'string', describe: 'Output folder', defaultDescription: '<project>/out' })
    .option('watch', { type: 'boolean', default: false, describe: 'Rebuild on every save and print what changed' })
    .option('locked', { type: 'boolean', default: false, describe: 'Fail instead of updating placement/<env>.json (for CI: placements must be committed)' })
    .example('$0 build --env test --watch', 'rebuild as you edit')
    .example('$0 build --env test', 'write out/test/*.template.json and out/test/manifest.json')
    .example('$0 build --env production --json', 'the same, with a JSON report for CI'),
  run: runBuild,
};

export async function runBuild(args: BuildArgs): Promise<number> {
  const started = performance.now();
  const paths = projectPaths(args);
  if (args.watch) {
    const { watchBuild } = await import('../watch.js');
    return watchBuild(paths, args.env, resolve(args.out ?? resolve(paths.root, 'out')));
  }
  const built = build(paths, args.env);
  const result = args.locked && built.placement ? { ...built, diagnostics: [...built.diagnostics, ...placementDrift(paths.root, built.placement)] } : built;
  const outDir = resolve(args.out ?? resolve(paths.root, 'out'));
  const failed = hasErrors(result.diagnostics) || !result.stacks || !result.manifest;
  const code = failed ? EXIT.specErrors : EXIT.ok;
  const target = failed ? undefined : writeOutput(outDir, args.env, outputFiles(result.stacks!, result.manifest!, result.documents));
  const placementChanged = !failed && writePlacement(paths.root, result.placement!);
  const ms = Math.round(performance.now() - started);
  if (args.json) {
    printJson({
      ok: !failed, command: 'build', environment: args.env, ...(target ? { outDir: target } : {}), placementChanged,
      stacks: result.manifest?.stacks ?? [], diagnostics: diagnosticsJson(paths.root, result.diagnostics),
    });
    return code;
  }
  printDiagnostics(paths.root, result.diagnostics);
  if (failed) {
    process.stderr.write(`gen: build of '${args.env}' failed with ${summary(result.diagnostics)}; nothing was written (${relative(process.cwd(), resolve(outDir, args.env)) || '.'}/ is unchanged)\n`);
    return code;
  }
  const where = relative(process.cwd(), target!) || '.';
  process.stdout.write(`gen: built ${result.manifest!.project} for ${args.env} in ${ms} ms -> ${where}/\n`);
  if (placementChanged) process.stdout.write(`gen: placement/${args.env}.json updated: commit it with the spec\n`);
  for (const s of result.manifest!.stacks) {
    process.stdout.write(`  ${s.layer.padEnd(11)} ${s.stackName.padEnd(40)} ${String(s.resources).padStart(4)} resources ${(s.bytes / 1024).toFixed(1).padStart(8)} KB\n`);
  }
  return code;
}
