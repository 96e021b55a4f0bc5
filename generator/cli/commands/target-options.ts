/** Options and setup shared by the commands that talk to AWS (deploy, diff, destroy, bootstrap). */
import type { Argv } from 'yargs';
import { BUILTIN } from '../../sections/index.js';
import { hasErrors } from '../../diagnostics.js';
import { environmentDir, resolveEnvironment } from '../../environment/resolve.js';
import type { Environment } from '../../environment/model.js';
import { printDiagnostics, projectPaths, type CommonArgs } from '../common.js';
import { EXIT } from '../exit-codes.js';

export interface TargetArgs extends CommonArgs { env: string; profile?: string; region?: string; endpointUrl?: string; local?: boolean }

export const withTargetOptions = <T>(yargs: Argv<T>) => yargs
  .option('env', { type: 'string', demandOption: true, describe: 'Environment (a file in environments/)' })
  .option('profile', { type: 'string', describe: 'AWS profile from your AWS config' })
  .option('region', { type: 'string', describe: "AWS region (default: the environment's region)" })
  .option('endpoint-url', { type: 'string', describe: 'CloudFormation-compatible endpoint, e.g. a local moto_server (also AWS_ENDPOINT_URL)' })
  .option('local', { type: 'boolean', default: false, describe: 'Use a local endpoint (moto_server on 127.0.0.1, started if needed and kept running): no AWS account needed' })
  .option('spec', { type: 'string', describe: 'Spec folder', defaultDescription: './spec' });

/** Resolve the environment and connect; prints problems and returns an exit code instead when it cannot. */
export async function openTarget(args: TargetArgs) {
  const paths = projectPaths(args);
  const resolved = resolveEnvironment(args.env, environmentDir(paths.root), paths.root, BUILTIN.schemas);
  if (!resolved.env || hasErrors(resolved.diagnostics)) {
    printDiagnostics(paths.root, resolved.diagnostics);
    return { ok: false as const, code: EXIT.specErrors };
  }
  const { connect } = await import('../../deploy/target.js');
  let endpointUrl = args.endpointUrl;
  let credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  if (args.local) {
    const { ensureLocalEndpoint, LOCAL_CREDENTIALS } = await import('../../deploy/local.js');
    const local = await ensureLocalEndpoint(paths.root);
    process.stderr.write(`gen: local endpoint ${local.url}${local.started ? ' started' : ''} (kept running; stop it with 'gen local stop')\n`);
    endpointUrl = local.url;
    credentials = LOCAL_CREDENTIALS;
  } else if (endpointUrl || process.env.AWS_ENDPOINT_URL) {
    credentials = process.env.AWS_ACCESS_KEY_ID ? undefined : { accessKeyId: 'gen-local', secretAccessKey: 'gen-local' };
  }
  const clients = await connect({ region: args.region, profile: args.profile, endpointUrl, credentials }, resolved.env.region);
  return { ok: true as const, paths, env: resolved.env as Environment, clients };
}
