/** gen drift --env <name>: what was changed by hand in the environment's stacks, by CloudFormation drift detection. */
import type { Argv } from 'yargs';
import { hasErrors } from '../../diagnostics.js';
import { build } from '../../pipeline/build.js';
import { BUILTIN } from '../../sections/index.js';
import { printDiagnostics, printJson } from '../common.js';
import { EXIT } from '../exit-codes.js';
import { Positions } from '../report.js';
import { withTarget, withTargetOptions, type TargetArgs } from './target-options.js';

/** Endpoints without drift detection (moto) answer these; anything else is a problem of its own. */
const UNSUPPORTED = /not (yet )?implemented|InvalidAction|UnknownOperation|Unsupported|could not be found/i;

export const driftCommand = {
  command: 'drift',
  describe: 'Run CloudFormation drift detection on the environment’s stacks and show what was changed by hand',
  builder: (yargs: Argv) =>
    withTargetOptions(yargs)
      .option('json', { type: 'boolean', default: false, describe: 'Print the drifted resources as JSON' })
      .example(
        '$0 drift --env production',
        'billing mode, keys or retention changed in the console since the last deploy',
      ),
  run: (args: TargetArgs) =>
    withTarget(args, 'drift', async (target) => {
      const result = build(target.paths, target.env.name);
      if (hasErrors(result.diagnostics) || !result.manifest) {
        printDiagnostics(target.paths.root, result.diagnostics);
        return EXIT.specErrors;
      }
      const [{ detectDrift, formatDrift }, { locateResource }, { answers }] = await Promise.all([
        import('../../deploy/drift.js'),
        import('../../deploy/update-rules/locate.js'),
        import('../../deploy/moto.js'),
      ]);
      const unsupported = (why: string) => {
        const message = `the endpoint does not run drift detection (${why})`;
        if (args.json) printJson({ command: 'drift', environment: target.env.name, ok: false, error: message });
        process.stderr.write(`gen: ${message}; drift detection needs CloudFormation on AWS\n`);
        return EXIT.specErrors;
      };
      // moto answers DetectStackDrift with an HTTP 500: say what it is instead.
      if (target.clients.endpoint && (await answers(target.clients.endpoint)))
        return unsupported('moto has no DetectStackDrift');
      let stacks: Awaited<ReturnType<typeof detectDrift>>;
      try {
        const { regionOf } = await import('../../deploy/regions.js');
        const manifest = result.manifest;
        stacks = await detectDrift(
          target.clients,
          manifest.stacks.map((s) => ({ stackName: s.stackName, region: regionOf(target.clients, manifest, s) })),
        );
      } catch (e) {
        if (!UNSUPPORTED.test(`${(e as Error).name} ${(e as Error).message}`)) throw e;
        return unsupported(`DetectStackDrift: ${(e as Error).message.split('\n')[0]}`);
      }
      const drifted = stacks.some((s) => s.status === 'DRIFTED');
      if (args.json) printJson({ command: 'drift', environment: target.env.name, drifted, stacks });
      else {
        const positions = new Positions(target.paths.root);
        const where = (logicalId: string) => {
          const location = result.spec ? locateResource(result.spec, BUILTIN, logicalId) : undefined;
          if (!location) return '';
          const p = positions.position({ code: 'GEN601', severity: 'warning', message: '', location });
          return `  (${p.file}:${p.line}:${p.column})`;
        };
        process.stdout.write(`${formatDrift(stacks, where)}\n`);
        process.stderr.write(
          drifted
            ? `gen: ${target.env.name} has drifted: deploy to set the drifted properties back to the spec (or write the change into the spec)\n`
            : `gen: ${target.env.name} is as deployed\n`,
        );
      }
      // Drift means the environment is not what its spec says: CI gates on it like on spec errors.
      return drifted ? EXIT.specErrors : EXIT.ok;
    }),
};
