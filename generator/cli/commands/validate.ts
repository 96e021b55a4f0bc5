/** gen validate: check the spec against every environment without writing anything. */
import type { Argv } from 'yargs';
import { BUILTIN } from '../../sections/index.js';
import { hasErrors, type Diagnostic } from '../../diagnostics.js';
import { resolveAllEnvironments } from '../../environment/resolve.js';
import { compileSpec, readSpec } from '../../pipeline/build.js';
import { readPlacement } from '../../placement/lock.js';
import { error } from '../../diagnostics.js';
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

export const validateCommand = {
  command: 'validate',
  describe: 'Check the spec and every environment (schemas, references, limits); writes nothing',
  builder: (yargs: Argv) => withCommonOptions(yargs).example('$0 validate', 'check spec/ against environments/*.yaml'),
  run: runValidate,
};

export function runValidate(args: CommonArgs): number {
  const paths = projectPaths(args);
  const read = readSpec(paths);
  const diagnostics: Diagnostic[] = [...read.diagnostics];
  const environments = resolveAllEnvironments(paths.root, BUILTIN.schemas);
  const names = environments.map((e) => e.name);
  if (names.length === 0)
    diagnostics.push(
      error(
        'GEN402',
        'no environments defined: environments/ has no YAML files',
        undefined,
        "create environments/test.yaml with at least 'region: eu-central-1'",
      ),
    );
  for (const resolved of environments) {
    diagnostics.push(...resolved.diagnostics);
    if (resolved.env && read.spec && !hasErrors(read.diagnostics)) {
      // Against the committed placement, as the build will be: a stateful group that would have to move is an error here too.
      const placement = readPlacement(
        paths.root,
        resolved.env.name,
        BUILTIN.layers.map((l) => l.name),
      );
      diagnostics.push(
        ...placement.diagnostics,
        ...compileSpec(read.spec, resolved.env, placement.placement).diagnostics,
      );
    }
  }
  const ok = !hasErrors(diagnostics);
  if (args.json) {
    printJson({ ok, command: 'validate', environments: names, diagnostics: diagnosticsJson(paths.root, diagnostics) });
  } else {
    printDiagnostics(paths.root, diagnostics);
    process.stderr.write(
      ok
        ? `gen: spec is valid for ${names.join(', ')}${diagnostics.length ? ` (${summary(diagnostics)})` : ''}\n`
        : `gen: ${summary(diagnostics)}\n`,
    );
  }
  return ok ? EXIT.ok : EXIT.specErrors;
}
