/** gen deploy --env <name>: build, then apply the stacks through change sets, refusing to lose data. */
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { BUILTIN } from '../../sections/index.js';
import { hasErrors } from '../../diagnostics.js';
import { build } from '../../pipeline/build.js';
import { outputFiles, placementWouldChange, writeOutput, writePlacement } from '../../pipeline/write.js';
import { printDiagnostics, printJson, renderDiagnostics } from '../common.js';
import { formatText } from '../report.js';
import { EXIT } from '../exit-codes.js';
import { withTarget, withTargetOptions, type TargetArgs } from './target-options.js';

interface DeployArgs extends TargetArgs {
  approve: boolean;
  execute: boolean;
  allowReplace: string[];
  stacks: string[];
  out?: string;
  waitTimeout: number;
  force: boolean;
  breakLock: boolean;
}

export const deployCommand = {
  command: 'deploy',
  describe:
    'Build, then deploy the environment through CloudFormation change sets (never replaces or deletes data without --allow-replace)',
  builder: (yargs: Argv) =>
    withTargetOptions(yargs)
      .option('approve', {
        type: 'boolean',
        default: false,
        describe:
          'Apply changes to a protected environment, and import resources an earlier destroy retained, without asking',
      })
      .option('execute', {
        type: 'boolean',
        default: true,
        describe: 'Execute the change sets (--no-execute: review only)',
      })
      .option('allow-replace', {
        type: 'string',
        array: true,
        default: [],
        describe:
          'Logical ID of a table, bucket, key, secret or log group that may be replaced or removed (repeatable)',
      })
      .option('stacks', {
        type: 'string',
        array: true,
        default: [],
        choices: BUILTIN.layers.map((l) => l.name),
        describe: 'Deploy only these layers',
      })
      .option('out', { type: 'string', describe: 'Output folder', defaultDescription: '<project>/out' })
      .option('wait-timeout', {
        type: 'number',
        default: 1800,
        describe: 'Seconds to wait for a stack that another deploy is changing',
      })
      .option('force', {
        type: 'boolean',
        default: false,
        describe:
          'Make a change set for every stack, even those whose template, parameters and tags are already deployed',
      })
      .option('break-lock', {
        type: 'boolean',
        default: false,
        describe:
          "Remove the environment's deploy lock left by a run that is gone (killed, its machine lost), then deploy",
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print a JSON report on stdout' })
      .example('$0 deploy --env test --local', 'try the whole flow on a local endpoint, no AWS account needed')
      .example('$0 deploy --env production --approve', 'deploy production from CI')
      .example(
        '$0 deploy --env test --allow-replace OrdersTable',
        'accept that OrdersTable is replaced (its data is lost)',
      ),
  run: (args: DeployArgs) =>
    withTarget(args, 'deploy', async (target) => {
      const { paths, env, clients, account } = target;
      const result = build(paths, env.name);
      if (hasErrors(result.diagnostics) || !result.stacks || !result.manifest) {
        printDiagnostics(paths.root, result.diagnostics);
        process.stderr.write('gen: build failed; nothing was deployed\n');
        return EXIT.specErrors;
      }
      // Warnings (a service the network cannot reach, a runtime AWS retires soon) are said before anything changes.
      printDiagnostics(paths.root, result.diagnostics);
      const outRoot = resolve(args.out ?? join(paths.root, 'out'));
      // out/ now; placement/<env>.json, a committed file, only once stacks were actually changed (below).
      const outDir = writeOutput(
        outRoot,
        env.name,
        outputFiles({ ...result, stacks: result.stacks, manifest: result.manifest }),
      );
      const [{ deploy, interrupted }, { consoleReporter }, { bootstrap }, { findingDiagnostics }] = await Promise.all([
        import('../../deploy/deploy.js'),
        import('../../deploy/reporter.js'),
        import('../../deploy/bootstrap.js'),
        import('../../deploy/update-rules/locate.js'),
      ]);
      const reporter = await consoleReporter(Boolean(process.stderr.isTTY && process.stdin.isTTY) && !args.json);
      if (args.local) await bootstrap(clients, env.name, { ...reporter, info: () => {} });
      const manifest = result.manifest;
      // Ctrl-C or a SIGTERM (CI cancelling): delete unexecuted change sets, release the lock, say
      // where each stack stands, and exit 130 / 143. A second signal exits at once.
      let stopping = false;
      const onSignal = (signal: NodeJS.Signals) => {
        const code = signal === 'SIGINT' ? 130 : 143;
        if (stopping) process.exit(code);
        stopping = true;
        reporter.done();
        process.stderr.write(
          `\ngen: ${signal}: stopping; unexecuted change sets are deleted, a running execution is left to CloudFormation\n`,
        );
        interrupted(clients, manifest)
          .then(
            (lines) => {
              for (const line of lines) process.stderr.write(`  ${line}\n`);
            },
            (e: Error) => {
              process.stderr.write(`  could not clean up: ${e.message.split('\n')[0]}; the next deploy does it\n`);
            },
          )
          .finally(() => process.exit(code));
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const report = await deploy(
        clients,
        {
          root: paths.root,
          outDir,
          env,
          account,
          manifest,
          approve: args.approve,
          execute: args.execute,
          allowReplace: args.allowReplace,
          layers: args.stacks,
          waitTimeoutMs: args.waitTimeout * 1000,
          force: args.force,
          breakLock: args.breakLock,
          // What AWS would refuse (or take in steps), said at the spec lines that make it.
          explain: (findings) =>
            renderDiagnostics(paths.root, findingDiagnostics(findings, result.spec, BUILTIN, env.file)).map(formatText),
        },
        reporter,
      ).finally(() => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      });
      // Deployed placements must be remembered, or a later build could place new groups differently;
      // a refused, failed-before-executing or review-only deploy changed nothing, so records nothing.
      const executed = report.stacks.some((s) => s.result === 'deployed');
      const placement =
        result.placement && placementWouldChange(paths.root, result.placement) ? result.placement : undefined;
      if (placement && args.execute && (report.ok || executed)) {
        writePlacement(paths.root, placement);
        process.stderr.write(`gen: placement/${env.name}.json updated: commit it with the spec\n`);
      } else if (placement)
        process.stderr.write(`gen: placement/${env.name}.json left as it is: this deploy did not go through\n`);
      if (args.json) printJson({ command: 'deploy', environment: env.name, ...report });
      else if (report.ok) {
        for (const [stack, outputs] of Object.entries(report.outputs))
          for (const [k, v] of Object.entries(outputs)) process.stdout.write(`${stack}.${k} = ${v}\n`);
        const changed = report.stacks.filter((s) => s.result === 'deployed').length;
        process.stderr.write(
          changed === 0 && args.execute
            ? `gen: ${env.name} is up to date: no changes\n`
            : `gen: ${env.name} ${args.execute ? 'deployed' : 'reviewed'} (${changed} stack${changed === 1 ? '' : 's'} changed)\n`,
        );
      } else process.stderr.write(`gen: deploy stopped: ${report.problem}\n`);
      return report.ok ? EXIT.ok : EXIT.specErrors;
    }),
};
