/** gen destroy --env <name>: delete the environment's stacks in reverse order; retained data survives. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Argv } from 'yargs';
import type { Manifest } from '../../output/manifest.js';
import { EXIT } from '../exit-codes.js';
import { withTarget, withTargetOptions, type TargetArgs } from './target-options.js';

export const destroyCommand = {
  command: 'destroy',
  describe: "Delete the environment's stacks (reverse order) after confirmation; protected environments need --force",
  builder: (yargs: Argv) =>
    withTargetOptions(yargs)
      .option('force', {
        type: 'boolean',
        default: false,
        describe: 'Destroy a protected environment (lifts termination protection)',
      })
      .option('yes', { type: 'boolean', default: false, describe: 'Do not ask for confirmation' })
      .option('delete-data', {
        type: 'string',
        array: true,
        default: [],
        describe:
          "Logical ID of a table, bucket, key, secret or log group whose data may be deleted (repeatable); 'all' for every one, in an unprotected environment only",
      })
      .example(
        '$0 destroy --env test --delete-data all',
        'delete a test environment and all its data (asks you to type the environment name)',
      )
      .option('out', {
        type: 'string',
        describe: 'Output folder holding the manifest',
        defaultDescription: '<project>/out',
      }),
  run: (args: TargetArgs & { force: boolean; yes: boolean; deleteData: string[]; out?: string }) =>
    withTarget(args, 'destroy', async (target) => {
      const { env, paths, clients } = target;
      const all = args.deleteData.includes('all');
      if (all && args.deleteData.length > 1) {
        process.stderr.write('gen: --delete-data all stands alone: drop the other --delete-data names\n');
        return EXIT.usage;
      }
      if (all && env.protected) {
        process.stderr.write(
          `gen: --delete-data all is for unprotected environments only, and ${env.name} is protected; nothing was deleted.\n  fix: name each resource whose data may go: --delete-data <LogicalId> (repeatable)\n`,
        );
        return EXIT.specErrors;
      }
      if (env.protected && !args.force) {
        process.stderr.write(
          `gen: ${env.name} is protected; refusing to destroy it. Pass --force if you really mean it.\n`,
        );
        return EXIT.specErrors;
      }
      const manifestFile = join(resolve(args.out ?? join(paths.root, 'out')), env.name, 'manifest.json');
      if (!existsSync(manifestFile)) {
        process.stderr.write(`gen: no ${manifestFile}; run 'gen build --env ${env.name}' first\n`);
        return EXIT.specErrors;
      }
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
      const [{ consoleReporter }, { destroy, dataAtRisk }] = await Promise.all([
        import('../../deploy/reporter.js'),
        import('../../deploy/destroy.js'),
      ]);
      const reporter = await consoleReporter(Boolean(process.stderr.isTTY && process.stdin.isTTY));
      if (!args.yes) {
        const { regionNote } = await import('../../deploy/regions.js');
        const stacks = manifest.stacks.map((s) => `${s.stackName}${regionNote(manifest, s)}`).join(', ');
        if (all) {
          // Everything goes: a typed confirmation, not a reflex "y".
          const data = await dataAtRisk(clients, manifest);
          const answer = await reporter.ask(
            `This deletes ${stacks}${data.length ? ` and the data in ${data.join(', ')}` : ''}.\nType the environment's name (${env.name}) to confirm: `,
          );
          if (answer?.trim() !== env.name) {
            process.stderr.write(
              answer === undefined
                ? 'gen: pass --yes to destroy without a terminal\n'
                : 'gen: not destroyed (the name did not match)\n',
            );
            return EXIT.specErrors;
          }
        } else {
          const answer = await reporter.confirm(`Delete ${stacks}?`);
          if (answer !== true) {
            process.stderr.write(
              answer === undefined ? 'gen: pass --yes to destroy without a terminal\n' : 'gen: not destroyed\n',
            );
            return EXIT.specErrors;
          }
        }
      }
      const report = await destroy(
        clients,
        manifest,
        { force: args.force, deleteData: all ? 'all' : args.deleteData, protected: env.protected },
        reporter,
      );
      for (const r of report.retained) process.stderr.write(`gen: kept (DeletionPolicy Retain): ${r}\n`);
      if (!report.ok) {
        process.stderr.write(`gen: destroy stopped: ${report.problem}\n`);
        return EXIT.specErrors;
      }
      process.stderr.write(`gen: destroyed ${report.deleted.length} stack${report.deleted.length === 1 ? '' : 's'}\n`);
      return EXIT.ok;
    }),
};
