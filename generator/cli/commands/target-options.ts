/** Options and setup shared by the commands that talk to AWS (deploy, diff, destroy, bootstrap). */
import type { Argv } from 'yargs';
import { BUILTIN } from '../../sections/index.js';
import { hasErrors } from '../../diagnostics.js';
import { environmentDir, resolveEnvironment } from '../../environment/resolve.js';
import type { Environment } from '../../environment/model.js';
import { printDiagnostics, printJson, projectPaths, type CommonArgs } from '../common.js';
import {
  formatProblem,
  problemJson,
  targetProblem,
  triedFrom,
  type TargetProblem,
  type Tried,
} from '../../deploy/problems.js';
import type { Clients } from '../../deploy/target.js';
import { EXIT } from '../exit-codes.js';

export interface TargetArgs extends CommonArgs {
  env: string;
  profile?: string;
  region?: string;
  endpointUrl?: string;
  local?: boolean;
}

export const withTargetOptions = <T>(yargs: Argv<T>) =>
  yargs
    .option('env', { type: 'string', demandOption: true, describe: 'Environment (a file in environments/)' })
    .option('profile', { type: 'string', describe: 'AWS profile from your AWS config' })
    .option('region', { type: 'string', describe: "AWS region (default: the environment's region)" })
    .option('endpoint-url', {
      type: 'string',
      describe: 'CloudFormation-compatible endpoint, e.g. a local moto_server (also AWS_ENDPOINT_URL)',
    })
    .option('local', {
      type: 'boolean',
      default: false,
      describe:
        'Use a local endpoint (moto_server on 127.0.0.1, started if needed and kept running): no AWS account needed',
    })
    .option('spec', { type: 'string', describe: 'Spec folder', defaultDescription: './spec' });

/** Where this command went, once connected: the account is the credentials' own, already checked against the environment's pin. */
export interface OpenTarget {
  ok: true;
  paths: ReturnType<typeof projectPaths>;
  env: Environment;
  clients: Clients;
  account: string;
  tried: Tried;
}

/**
 * Resolve the environment, connect, and check who the credentials belong to: every command that
 * talks to AWS (deploy, diff, destroy, bootstrap) goes through here, so none of them runs with
 * missing or rejected credentials, or in an account other than the environment's `account:`.
 * Prints problems (as JSON with --json) and returns an exit code instead when it cannot go on.
 */
export async function openTarget(args: TargetArgs, command: string): Promise<OpenTarget | { ok: false; code: number }> {
  const paths = projectPaths(args);
  const resolved = resolveEnvironment(args.env, environmentDir(paths.root), paths.root, BUILTIN.schemas);
  if (!resolved.env || hasErrors(resolved.diagnostics)) {
    printDiagnostics(paths.root, resolved.diagnostics);
    return { ok: false as const, code: EXIT.specErrors };
  }
  const env = resolved.env as Environment;
  const [{ connect }, { currentAccount, wrongAccount }] = await Promise.all([
    import('../../deploy/target.js'),
    import('../../deploy/account.js'),
  ]);
  let endpointUrl = args.endpointUrl;
  let credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
  const region = args.region ?? env.region;
  if (args.local) {
    const { ensureLocalEndpoint, LOCAL_CREDENTIALS } = await import('../../deploy/local.js');
    let local: { url: string; started: boolean };
    try {
      local = await ensureLocalEndpoint(paths.root);
    } catch (e) {
      reportProblem(args, command, {
        kind: 'endpoint-unreachable',
        message: `could not start the local endpoint: ${(e as Error).message}`,
        fix: 'run `bash scripts/setup-python.sh` (it installs moto_server into .venv), then try again',
        region,
      });
      return { ok: false, code: EXIT.specErrors };
    }
    process.stderr.write(
      `gen: local endpoint ${local.url}${local.started ? ' started' : ''} (kept running; stop it with 'gen local stop')\n`,
    );
    endpointUrl = local.url;
    credentials = LOCAL_CREDENTIALS;
  } else if (endpointUrl || process.env.AWS_ENDPOINT_URL) {
    credentials = process.env.AWS_ACCESS_KEY_ID
      ? undefined
      : { accessKeyId: 'gen-local', secretAccessKey: 'gen-local' };
  }
  const tried = triedFrom(args.profile, region, endpointUrl || process.env.AWS_ENDPOINT_URL || undefined);
  if (args.local) delete tried.profile;
  const clients = await connect({ region: args.region, profile: args.profile, endpointUrl, credentials }, env.region);
  let account: string;
  try {
    account = await currentAccount(clients);
  } catch (e) {
    const problem = targetProblem(e, tried);
    if (!problem) throw e;
    reportProblem(args, command, problem);
    return { ok: false, code: EXIT.specErrors };
  }
  const mismatch = wrongAccount(env.account, account);
  if (mismatch) {
    reportProblem(args, command, {
      kind: 'wrong-account',
      message: mismatch,
      ...tried,
      fix: `use credentials for account ${env.account} (--profile <name>), or correct 'account:' in ${env.file}`,
    });
    return { ok: false, code: EXIT.specErrors };
  }
  return { ok: true as const, paths, env, clients, account, tried };
}

/** A problem from the user's environment: text on stderr, or with --json one object on stdout. */
export function reportProblem(args: { json?: boolean; env: string }, command: string, problem: TargetProblem): void {
  if (args.json) printJson({ command, environment: args.env, ok: false, error: problemJson(problem) });
  process.stderr.write(formatProblem(problem));
}

/**
 * Runs a command's AWS work: errors from the user's environment thrown midway (expired
 * credentials, a denied request, an endpoint gone) exit 1 with what was tried; anything else
 * is a bug in gen and goes on to the internal-error handler (exit 3).
 */
export async function withTarget(
  args: TargetArgs,
  command: string,
  work: (target: OpenTarget) => Promise<number>,
): Promise<number> {
  const target = await openTarget(args, command);
  if (!target.ok) return target.code;
  try {
    return await work(target);
  } catch (e) {
    const problem = targetProblem(e, target.tried);
    if (!problem) throw e;
    reportProblem(args, command, problem);
    return EXIT.specErrors;
  }
}
