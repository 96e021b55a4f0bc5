/** gen local stop|status: the background local endpoint that --local starts. */
import type { Argv } from 'yargs';
import { projectPaths } from '../common.js';
import { EXIT } from '../exit-codes.js';

export const localCommand = {
  command: 'local <action>',
  describe: 'Stop or show the local endpoint (moto_server) that --local keeps running',
  builder: (yargs: Argv) =>
    yargs
      .positional('action', { choices: ['stop', 'status'] as const, describe: 'stop or status' })
      .option('spec', { type: 'string', describe: 'Spec folder', defaultDescription: './spec' }),
  run: async (args: { action: 'stop' | 'status'; spec?: string }) => {
    const { runningEndpoint, stopLocalEndpoint } = await import('../../deploy/local.js');
    const { root } = projectPaths(args);
    if (args.action === 'status') {
      const running = await runningEndpoint(root);
      process.stdout.write(running ? `running at ${running.url} (pid ${running.pid})\n` : 'not running\n');
      return EXIT.ok;
    }
    process.stdout.write((await stopLocalEndpoint(root)) ? 'stopped\n' : 'was not running\n');
    return EXIT.ok;
  },
};
