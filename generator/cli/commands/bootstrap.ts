/** gen bootstrap --env <name>: create the account's API Gateway logging role (once per region) and the environment's artifact bucket stack. */
import type { Argv } from 'yargs';
import { EXIT } from '../exit-codes.js';
import { withTarget, withTargetOptions, type TargetArgs } from './target-options.js';

export const bootstrapCommand = {
  command: 'bootstrap',
  describe:
    "Create the environment's artifact bucket (encrypted, versioned, private) that deploys upload code to, and the account's API Gateway logging role",
  builder: (yargs: Argv) => withTargetOptions(yargs),
  run: (args: TargetArgs) =>
    withTarget(args, 'bootstrap', async (target) => {
      const [{ bootstrap }, { consoleReporter }] = await Promise.all([
        import('../../deploy/bootstrap.js'),
        import('../../deploy/reporter.js'),
      ]);
      const result = await bootstrap(
        target.clients,
        target.env.name,
        await consoleReporter(Boolean(process.stderr.isTTY)),
      );
      if ('reason' in result) {
        process.stderr.write(`gen: bootstrap failed: ${result.reason}\n`);
        return EXIT.specErrors;
      }
      process.stderr.write(`gen: ${target.env.name} is bootstrapped (${result.stackName})\n`);
      return EXIT.ok;
    }),
};
