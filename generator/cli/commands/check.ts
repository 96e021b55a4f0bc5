/** gen check --env <name>: run the platform rules on the templates in out/<env>/ (generated or edited by hand). */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { BUILTIN } from '../../sections/index.js';
import { error, hasErrors, type Diagnostic } from '../../diagnostics.js';
import { environmentDir, resolveAllEnvironments, resolveEnvironment } from '../../environment/resolve.js';
import type { Environment } from '../../environment/model.js';
import type { Manifest } from '../../output/manifest.js';
import { readSpec } from '../../pipeline/build.js';
import { ALL_RULES, checkStacks, projectViolations } from '../../rules/index.js';
import { PROJECT_RULES } from '../../rules/project-rules.js';
import {
  diagnosticsJson,
  printDiagnostics,
  printJson,
  projectPaths,
  summary,
  withCommonOptions,
  type CommonArgs,
} from '../common.js';
import { EXIT } from '../exit-codes.js';

interface CheckArgs extends CommonArgs {
  env: string;
  out?: string;
}

export const checkCommand = {
  command: 'check',
  describe: 'Run the platform rules (gen rules) on the built templates in out/<env>/ and on the project',
  builder: (yargs: Argv) =>
    withCommonOptions(yargs)
      .option('env', { type: 'string', demandOption: true, describe: 'Environment whose output to check' })
      .option('out', { type: 'string', describe: 'Output folder', defaultDescription: '<project>/out' }),
  run: (args: CheckArgs) => {
    const paths = projectPaths(args);
    const resolved = resolveEnvironment(args.env, environmentDir(paths.root), paths.root, BUILTIN.schemas);
    if (!resolved.env) {
      printDiagnostics(paths.root, resolved.diagnostics);
      return EXIT.specErrors;
    }
    const dir = join(resolve(args.out ?? join(paths.root, 'out')), args.env);
    const manifestFile = join(dir, 'manifest.json');
    const diagnostics: Diagnostic[] = [];
    if (!existsSync(manifestFile)) {
      diagnostics.push(
        error('GEN402', `no build output in ${dir}`, undefined, `run 'gen build --env ${args.env}' first`),
      );
    } else {
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
      const stacks = manifest.stacks.map((s) => ({
        stackName: s.stackName,
        file: s.template,
        template: JSON.parse(readFileSync(join(dir, s.template), 'utf8')),
      }));
      diagnostics.push(
        ...checkStacks(stacks, { environment: args.env, logRetentionDays: resolved.env.logRetentionDays }),
      );
      const read = readSpec(paths);
      const environments = resolveAllEnvironments(paths.root, BUILTIN.schemas)
        .map((r) => r.env)
        .filter((e): e is Environment => !!e);
      if (read.spec && !hasErrors(read.diagnostics))
        diagnostics.push(...projectViolations(PROJECT_RULES, { spec: read.spec, environments }));
    }
    const ok = !hasErrors(diagnostics);
    if (args.json) {
      printJson({
        ok,
        command: 'check',
        environment: args.env,
        rules: ALL_RULES.map((r) => r.id),
        diagnostics: diagnosticsJson(paths.root, diagnostics),
      });
    } else {
      for (const rule of ALL_RULES) process.stdout.write(`  ${rule.id.padEnd(8)} ${rule.name}\n`);
      printDiagnostics(paths.root, diagnostics);
      process.stderr.write(
        ok
          ? `gen: ${args.env} passes all ${ALL_RULES.length} platform rules\n`
          : `gen: ${args.env} breaks platform rules: ${summary(diagnostics)}\n`,
      );
    }
    return ok ? EXIT.ok : EXIT.specErrors;
  },
};
