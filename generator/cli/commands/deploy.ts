/** gen deploy --env <name>: build, then apply the stacks through change sets, refusing to lose data. */
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import { BUILTIN } from '../../sections/index.js';
import { hasErrors } from '../../diagnostics.js';
import { build } from '../../pipeline/build.js';
import { writeBuild } from '../../pipeline/write.js';
import { printDiagnostics, printJson } from '../common.js';
import { EXIT } from '../exit-codes.js';
import { withTarget, withTargetOptions, type TargetArgs } from './target-options.js';

interface DeployArgs extends TargetArgs { approve: boolean; execute: boolean; allowReplace: string[]; stacks: string[]; out?: string; waitTimeout: number }

export const deployCommand = {
  command: 'deploy',
  describe: 'Build, then deploy the environment through CloudFormation change sets (never replaces or deletes data without --allow-replace)',
  builder: (yargs: Argv) => withTargetOptions(yargs)
    .option('approve', { type: 'boolean', default: false, describe: 'Apply changes to a protected environment without asking' })
    .option('execute', { type: 'boolean', default: true, describe: 'Execute the change sets (--no-execute: review only)' })
    .option('allow-replace', { type: 'string', array: true, default: [], describe: 'Logical ID of a table, bucket, key, secret or log group that may be replaced or removed (repeatable)' })
    .option('stacks', { type: 'string', array: true, default: [], choices: BUILTIN.layers.map((l) => l.name), describe: 'Deploy only these layers' })
    .option('out', { type: 'string', describe: 'Output folder', defaultDescription: '<project>/out' })
    .option('wait-timeout', { type: 'number', default: 1800, describe: 'Seconds to wait for a stack that another deploy is changing' })
    .option('json', { type: 'boolean', default: false, describe: 'Print a JSON report on stdout' })
    .example('$0 deploy --env test --local', 'try the whole flow on a local endpoint, no AWS account needed')
    .example('$0 deploy --env production --approve', 'deploy production from CI')
    .example('$0 deploy --env test --allow-replace OrdersTable', 'accept that OrdersTable is replaced (its data is lost)'),
  run: (args: DeployArgs) => withTarget(args, 'deploy', async (target) => {
    const { paths, env, clients, account } = target;
    const result = build(paths, env.name);
    if (hasErrors(result.diagnostics) || !result.stacks || !result.manifest) {
      printDiagnostics(paths.root, result.diagnostics);
      process.stderr.write('gen: build failed; nothing was deployed\n');
      return EXIT.specErrors;
    }
    const outRoot = resolve(args.out ?? join(paths.root, 'out'));
    // Deployed placements must be remembered, or a later build could place new groups differently.
    const { target: outDir, placementChanged } = writeBuild(paths.root, outRoot, env.name, { ...result, stacks: result.stacks, manifest: result.manifest });
    if (placementChanged) process.stderr.write(`gen: placement/${env.name}.json updated: commit it with the spec\n`);
    const [{ deploy }, { consoleReporter }, { bootstrap }] = await Promise.all([
      import('../../deploy/deploy.js'), import('../../deploy/reporter.js'), import('../../deploy/bootstrap.js'),
    ]);
    const reporter = await consoleReporter(Boolean(process.stderr.isTTY && process.stdin.isTTY) && !args.json);
    if (args.local) await bootstrap(clients, env.name, { ...reporter, info: () => {} });
    const report = await deploy(clients, {
      root: paths.root, outDir, env, account, manifest: result.manifest, approve: args.approve, execute: args.execute,
      allowReplace: args.allowReplace, layers: args.stacks, waitTimeoutMs: args.waitTimeout * 1000,
    }, reporter);
    if (args.json) printJson({ command: 'deploy', environment: env.name, ...report });
    else if (report.ok) {
      for (const [stack, outputs] of Object.entries(report.outputs)) for (const [k, v] of Object.entries(outputs)) process.stdout.write(`${stack}.${k} = ${v}\n`);
      const changed = report.stacks.filter((s) => s.result === 'deployed').length;
      process.stderr.write(changed === 0 && args.execute ? `gen: ${env.name} is up to date: no changes\n` : `gen: ${env.name} ${args.execute ? 'deployed' : 'reviewed'} (${changed} stack${changed === 1 ? '' : 's'} changed)\n`);
    } else process.stderr.write(`gen: deploy stopped: ${report.problem}\n`);
    return report.ok ? EXIT.ok : EXIT.specErrors;
  }),
};
