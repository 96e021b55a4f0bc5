/**
 * gen deploy, end to end: check the account, upload code and large templates, then deploy the
 * stacks in the manifest's order, stopping at the first refused or failed stack.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Environment } from '../environment/model.js';
import type { Manifest } from '../output/manifest.js';
import { LIMITS } from '../output/limits.js';
import { currentAccount, wrongAccount } from './account.js';
import { artifactBucketName, bootstrapStackName } from './bootstrap.js';
import { packageFunctions } from './package.js';
import type { Reporter } from './reporter.js';
import { deployStack, interrupt, outputsOf, type StackDeployRequest, type StackResult } from './stack-deploy.js';
import { pseudoParameters, resolvePseudoParameters, type PseudoParameters } from '../output/documents.js';
import { objectUrl, type Clients } from './target.js';
import { exists, uploadOnce } from './upload.js';
import { deployedTemplate, describeStack } from './stack-state.js';
import { keepingDropped } from './removal-order.js';
import { answers } from './moto.js';
import { acquireLock, describeOwner, type LockOwner } from './lock.js';
import { prepareRestApis, type LocalApiContext } from './local-rest-api.js';
import { applyBucketNotifications } from './local-notifications.js';
import { localOutputs } from './local-outputs.js';
import { forMoto, skippedLocally } from './moto-types.js';
import { ecrRegistry, imagesIn, pushImages } from './images.js';
import type { Template } from './update-rules/index.js';
import { indexStages, lastStageSays } from './update-rules/staging.js';
import { importRetained } from './adopt/import.js';
import { clientsFor, regionOf, sourceRegion } from './regions.js';
import { checkBeforeChanging, type StackFinding } from './preflight.js';

export interface DeployRequest {
  root: string;
  outDir: string;
  /** The credentials' account, when the caller has already checked it (openTarget). */
  account?: string;
  env: Environment;
  manifest: Manifest;
  approve: boolean;
  execute: boolean;
  allowReplace: string[];
  /** Only these layers (data, app, api, monitoring); all when empty. */
  layers: string[];
  waitTimeoutMs: number;
  /** Create change sets even for stacks that are already what this deploy would make. */
  force?: boolean;
  /** Remove a deploy lock left by a run that is gone. */
  breakLock?: boolean;
  /** How a resource is found by its name outside CloudFormation (adopt/lookup.ts); the services' own APIs by default. */
  lookup?: import('./adopt/lookup.js').Lookup;
  /** Lines that say what the AWS update rules found, at their spec lines (the CLI knows the spec); plain messages by default. */
  explain?: (findings: StackFinding[]) => string[];
}

export type { StackFinding } from './preflight.js';

/** Releases the lock this process holds (for the signal handler: interrupted()). */
let releaseLock: (() => Promise<void>) | undefined;

export interface DeployReport {
  ok: boolean;
  account?: string;
  stacks: StackResult[];
  problem?: string;
  outputs: Record<string, Record<string, string>>;
  lockedBy?: LockOwner;
  /** What the AWS update rules found (update-rules/): refusals stop the deploy before anything changes. */
  findings?: StackFinding[];
}

export async function deploy(clients: Clients, request: DeployRequest, reporter: Reporter): Promise<DeployReport> {
  const { env } = request;
  const account = request.account ?? (await currentAccount(clients));
  const mismatch = wrongAccount(env.account, account);
  if (mismatch) return { ok: false, account, stacks: [], problem: mismatch, outputs: {} };

  const bucket = artifactBucketName(env.name, account, clients.region);
  const bootstrapped = await describeStack(clients, bootstrapStackName(env.name));
  if (!bootstrapped.exists || !(await bucketExists(clients, bucket))) {
    return {
      ok: false,
      account,
      stacks: [],
      problem: `the artifact bucket ${bucket} does not exist: run 'gen bootstrap --env ${env.name}' once for this account and region`,
      outputs: {},
    };
  }
  const unreachable = await otherRegionsUnreachable(clients, request.manifest);
  if (unreachable) return { ok: false, account, stacks: [], problem: unreachable, outputs: {} };
  const lock = await acquireLock(clients, bucket, env.name, request.breakLock ?? false);
  if (!lock.ok) return { ok: false, account, stacks: [], problem: lock.problem, outputs: {}, lockedBy: lock.holder };
  if (lock.tookOver)
    reporter.info(
      `lock: taken over from ${describeOwner(lock.tookOver)}${request.breakLock ? ' (--break-lock)' : ', a run that is gone'}`,
    );
  releaseLock = lock.release;
  try {
    return await deployLocked(clients, request, reporter, account, bucket);
  } finally {
    releaseLock = undefined;
    await lock.release().catch(() => {});
  }
}

async function deployLocked(
  clients: Clients,
  request: DeployRequest,
  reporter: Reporter,
  account: string,
  bucket: string,
): Promise<DeployReport> {
  const { env, manifest } = request;
  const selected = manifest.stacks.filter((s) => !request.layers.length || request.layers.includes(s.layer));

  const preflight = await checkBeforeChanging(clients, request, selected, account, reporter);
  if ('problem' in preflight) return { ok: false, account, stacks: [], outputs: {}, ...preflight };
  const { deployedTemplates, findings, retained } = preflight;

  let packaged: Awaited<ReturnType<typeof packageFunctions>>;
  try {
    packaged = await packageFunctions(request.root, manifest.artifacts);
  } catch (e) {
    // esbuild's own failure (a syntax error, an import that does not resolve) is the handler's, not gen's.
    const errors = (
      e as { errors?: { text: string; location?: { file: string; line: number; column: number } | null }[] }
    ).errors;
    if (!errors?.length) throw e;
    return {
      ok: false,
      account,
      stacks: [],
      outputs: {},
      problem: `bundling the handlers failed; nothing was deployed:\n${errors
        .slice(0, 10)
        .map((m) => `  ${m.location ? `${m.location.file}:${m.location.line}:${m.location.column}: ` : ''}${m.text}`)
        .join('\n')}`,
    };
  }
  let uploaded = 0;
  for (const p of packaged) if (await uploadOnce(clients, bucket, p.artifact.key, p.zip)) uploaded++;
  if (packaged.length)
    reporter.info(
      `code: ${packaged.length} function bundles, ${uploaded} uploaded, ${packaged.length - uploaded} unchanged`,
    );
  const pseudo = pseudoParameters(clients.region, account);
  const documents = await uploadDocuments(clients, bucket, pseudo, request.outDir, manifest.documents);
  if (typeof documents === 'string') return { ok: false, account, stacks: [], problem: documents, outputs: {} };

  // moto ignores RestApi bodies: gen imports them itself there (local-rest-api.ts).
  const onMoto = clients.endpoint !== undefined && (await answers(clients.endpoint));
  const localApis: LocalApiContext = { documents, pseudo, tags: manifest.tags, execute: request.execute };
  if (onMoto) {
    const skipped = skippedLocally(
      manifest.stacks.map((s) => JSON.parse(readFileSync(join(request.outDir, s.template), 'utf8'))),
    );
    if (skipped.length > 0) {
      reporter.info(
        `local endpoint: moto does not create ${skipped.map(([type, n]) => `${type} (${n})`).join(', ')}; gen checks them with cfn-lint and its template tests, not here`,
      );
    }
  }
  const results: StackResult[] = [];
  const outputs: Record<string, Record<string, string>> = {};
  // moto leaves the outputs of change-set stacks empty: gen fills them in there (local-outputs.ts).
  const stackOutputs = async (stackName: string, region: string, known?: Record<string, string>) => {
    const regional = await clientsFor(clients, manifest, { region });
    const found = known ?? (await outputsOf(regional, stackName).catch(() => ({}) as Record<string, string>));
    return onMoto ? localOutputs(regional, stackName, found) : found;
  };
  /** Stacks updated with what they drop kept (removal-order.ts), to be updated again in reverse order. */
  const second: { stack: (typeof selected)[number]; body: string; kept: string[] }[] = [];
  const deployOne = async (stack: (typeof selected)[number], body: string): Promise<StackResult> => {
    const regional = await clientsFor(clients, manifest, stack);
    const large = body.length > LIMITS.inlineTemplateBytes;
    // The artifact bucket is in the environment's region; the build refuses such a template (GEN509).
    if (large && regional !== clients)
      return { stackName: stack.stackName, result: 'failed', reason: templateTooLargeThere(stack, body.length) };
    const template = large ? { url: await uploadTemplate(clients, bucket, stack.stackName, body) } : { body };
    const parameters = await parameterValues(stack, outputs, stackOutputs);
    if (typeof parameters === 'string') return { stackName: stack.stackName, result: 'failed', reason: parameters };
    return deployOneStack(
      regional,
      {
        stackName: stack.stackName,
        body,
        template,
        tags: manifest.tags,
        parameters,
        protected: env.protected,
        approve: request.approve,
        execute: request.execute,
        allowReplace: request.allowReplace,
        waitTimeoutMs: request.waitTimeoutMs,
        force: request.force,
      },
      onMoto ? localApis : undefined,
      reporter,
    ).catch(
      (e: Error): StackResult => ({
        stackName: stack.stackName,
        result: 'failed',
        reason: `the endpoint refused a request: ${e.name}: ${e.message.split('\n')[0]}${process.env.GEN_DEBUG ? `\n${e.stack}` : ''}`,
      }),
    );
  };
  const record = async (
    stack: (typeof selected)[number],
    body: string,
    result: StackResult,
  ): Promise<string | undefined> => {
    reporter.done();
    const region = regionOf(clients, manifest, stack);
    // Listings name the region of a stack outside the environment's.
    if (region !== clients.region) result = { ...result, region };
    // A stack updated twice (removal order) is one stack in the report: deployed if either pass changed it.
    const earlier = results.findIndex((r) => r.stackName === stack.stackName);
    if (earlier === -1) results.push(result);
    else if (!(result.result === 'no-changes' && results[earlier].result === 'deployed')) results[earlier] = result;
    if ('outputs' in result && onMoto && request.execute)
      await applyBucketNotifications(
        await clientsFor(clients, manifest, stack),
        JSON.parse(body),
        pseudoParameters(region, account),
        reporter.info,
      );
    if (!('outputs' in result)) return `${stack.stackName}: ${result.reason}`;
    outputs[stack.stackName] = await stackOutputs(stack.stackName, region, result.outputs);
  };
  /** Images are pushed once, before the first stack that runs one (its repository is in a data stack before it). */
  let imagesReady = false;
  for (const [index, stack] of selected.entries()) {
    const written = readFileSync(join(request.outDir, stack.template), 'utf8');
    const body = onMoto ? forMoto(written) : written;
    if (!imagesReady && request.execute && imagesIn(body, manifest.images ?? []).length > 0) {
      imagesReady = true;
      const images = manifest.images ?? [];
      const result = await pushImages(images, {
        root: request.root,
        registry: await ecrRegistry(clients),
        local: onMoto,
        info: (line) => reporter.info(line),
      });
      if (result.problem) return { ok: false, account, stacks: results, problem: result.problem, outputs };
      reporter.info(
        `images: ${images.length} container images, ${result.pushed.length} pushed, ${result.unchanged.length} unchanged`,
      );
    }
    const regional = await clientsFor(clients, manifest, stack);
    if (regional !== clients)
      reporter.info(
        `${stack.stackName}: deploys to ${regional.region} (layer ${stack.layer}), whatever the environment's region`,
      );
    // The last stack has nothing after it that could still use what it drops.
    const state =
      index < selected.length - 1 && request.execute ? await describeStack(regional, stack.stackName) : undefined;
    const deployed = state?.exists ? ((await deployedTemplate(regional, stack.stackName)) as never) : undefined;
    const first = keepingDropped(body, deployed, request.allowReplace);
    if (first.kept.length > 0) {
      reporter.info(`${stack.stackName}: keeps ${first.kept.join(', ')} until the stacks after it no longer use them`);
      second.unshift({ stack, body, kept: first.kept });
    }
    const adopt = retained.filter((r) => r.stackName === stack.stackName);
    if (adopt.length > 0) {
      if (onMoto)
        return {
          ok: false,
          account,
          stacks: results,
          outputs,
          findings,
          problem: `${adopt.map((r) => `'${r.name}'`).join(', ')} exist${adopt.length === 1 ? 's' : ''} outside any stack, and the local endpoint (moto) cannot import resources into a stack: remove ${adopt.length === 1 ? 'it' : 'them'} from the endpoint (or restart it: gen local stop), then deploy`,
        };
      const imported = await importRetained(
        regional,
        {
          stackName: stack.stackName,
          deployed: deployedTemplates.get(stack.stackName),
          next: JSON.parse(body),
          retained: adopt,
          tags: manifest.tags,
          approve: request.approve,
          execute: request.execute,
        },
        reporter,
      );
      if (!imported.ok) {
        if (imported.result === 'reviewed') {
          results.push({ stackName: stack.stackName, result: 'reviewed', outputs: {} });
          continue;
        }
        results.push({ stackName: stack.stackName, result: imported.result, reason: imported.reason });
        return {
          ok: false,
          account,
          stacks: results,
          problem: `${stack.stackName}: ${imported.reason}`,
          findings,
          outputs,
        };
      }
      deployedTemplates.set(stack.stackName, (await deployedTemplate(regional, stack.stackName)) as Template);
    }
    // DynamoDB creates or deletes one index per table update: more go in steps (GEN701), each its own change set.
    const before = deployedTemplates.get(stack.stackName);
    const stages = before ? indexStages(before, JSON.parse(first.body)) : [];
    let reviewedOnly = false;
    for (const [i, stage] of stages.entries()) {
      reporter.info(`${stack.stackName}: step ${i + 1} of ${stages.length + 1}: ${stage.says}`);
      const stageBody = JSON.stringify(stage.template, undefined, 2);
      const problem = await record(stack, stageBody, await deployOne(stack, stageBody));
      if (problem) return { ok: false, account, stacks: results, problem, findings, outputs };
      if (!request.execute) {
        reporter.info(
          `${stack.stackName}: steps ${i + 2} to ${stages.length + 1} are reviewed once step ${i + 1} is deployed (--no-execute)`,
        );
        reviewedOnly = true;
        break;
      }
    }
    if (reviewedOnly) continue;
    if (stages.length > 0)
      reporter.info(
        `${stack.stackName}: step ${stages.length + 1} of ${stages.length + 1}: ${lastStageSays(before!, JSON.parse(first.body))}`,
      );
    const problem = await record(stack, first.body, await deployOne(stack, first.body));
    if (problem) return { ok: false, account, stacks: results, problem, findings, outputs };
  }
  for (const { stack, body, kept } of second) {
    reporter.info(`${stack.stackName}: removes ${kept.join(', ')} now that the stacks after it are updated`);
    const problem = await record(stack, body, await deployOne(stack, body));
    if (problem) return { ok: false, account, stacks: results, problem, outputs };
  }
  if (request.execute)
    writeFileSync(join(request.outDir, 'outputs.json'), JSON.stringify(outputs, undefined, 2) + '\n');
  return { ok: true, account, stacks: results, outputs, ...(findings.length > 0 ? { findings } : {}) };
}

/** One stack; on moto, with its REST API bodies imported by gen (local-rest-api.ts). */
async function deployOneStack(
  clients: Clients,
  request: StackDeployRequest,
  moto: LocalApiContext | undefined,
  reporter: Reporter,
): Promise<StackResult> {
  const prepared = moto
    ? await prepareRestApis(clients, request.stackName, JSON.parse(request.body), moto, reporter.info)
    : {};
  if ('problem' in prepared) return { stackName: request.stackName, result: 'failed', reason: prepared.problem };
  return deployStack(clients, { ...request, beforeExecute: prepared.beforeExecute }, reporter);
}

/** Parameters come from outputs of stacks deployed earlier in this run, or already deployed (in their own region). */
async function parameterValues(
  reader: Manifest['stacks'][number],
  known: Record<string, Record<string, string>>,
  outputsOfStack: (stackName: string, region: string) => Promise<Record<string, string>>,
): Promise<Record<string, string> | string> {
  const values: Record<string, string> = {};
  for (const [name, source] of Object.entries(reader.parameters)) {
    const { stackName, output } = source;
    const value = known[stackName]?.[output] ?? (await outputsOfStack(stackName, sourceRegion(reader, source)))[output];
    if (!value)
      return `needs output ${output} of stack ${stackName}${source.region ? ` in ${source.region}` : ''}, which is not deployed: deploy that stack first (or without --stacks)`;
    values[name] = value;
  }
  return values;
}

/**
 * Documents (large OpenAPI bodies) with their pseudo parameters resolved for this account and
 * region, uploaded once. Returns them resolved, by bucket key (the local endpoint imports them).
 */
async function uploadDocuments(
  clients: Clients,
  bucket: string,
  pseudo: PseudoParameters,
  outDir: string,
  documents: Manifest['documents'],
): Promise<Map<string, unknown> | string> {
  const resolvedByKey = new Map<string, unknown>();
  for (const document of documents) {
    const unresolved: string[] = [];
    const resolved = resolvePseudoParameters(
      JSON.parse(readFileSync(join(outDir, document.file), 'utf8')),
      pseudo,
      unresolved,
    );
    if (unresolved.length > 0)
      return `${document.file} uses ${[...new Set(unresolved)].join(', ')}, which only CloudFormation can resolve`;
    await uploadOnce(clients, bucket, document.key, JSON.stringify(resolved));
    resolvedByKey.set(document.key, resolved);
  }
  return resolvedByKey;
}

/**
 * Before the lock is taken: CloudFormation answers in every other region the stacks deploy to
 * (an organisation's policy may deny a region, a profile may lack it). Nothing is needed there
 * beforehand: such stacks hold no function code or documents (the build refuses it, GEN510).
 */
async function otherRegionsUnreachable(clients: Clients, manifest: Manifest): Promise<string | undefined> {
  for (const stack of manifest.stacks) {
    const region = regionOf(clients, manifest, stack);
    if (region === clients.region) continue;
    try {
      await describeStack(await clientsFor(clients, manifest, stack), stack.stackName);
    } catch (e) {
      return `CloudFormation in ${region} did not answer (${(e as Error).name}: ${(e as Error).message.split('\n')[0]}); stack ${stack.stackName} (layer ${stack.layer}) deploys there whatever the environment's region. Allow these credentials CloudFormation in ${region}; nothing was deployed`;
    }
  }
  return undefined;
}

function templateTooLargeThere(stack: Manifest['stacks'][number], bytes: number): string {
  return `its template is ${bytes} bytes, more than CloudFormation takes inline (${LIMITS.inlineTemplateBytes}), and the artifact bucket that would carry it is not in ${stack.region}`;
}

async function bucketExists(clients: Clients, bucket: string): Promise<boolean> {
  const { HeadBucketCommand } = await import('@aws-sdk/client-s3');
  try {
    await clients.s3.send(new HeadBucketCommand({ Bucket: bucket }));
    return true;
  } catch {
    return false;
  }
}

async function uploadTemplate(clients: Clients, bucket: string, stackName: string, body: string): Promise<string> {
  const key = `templates/${stackName}/${createHash('sha256').update(body).digest('hex')}.json`;
  if (!(await exists(clients, bucket, key))) await uploadOnce(clients, bucket, key, body);
  return objectUrl(clients, bucket, key);
}

/**
 * After SIGINT or SIGTERM: unexecuted change sets deleted (stack-deploy.ts, interrupt()), then
 * one line per stack of the environment saying what state it is in.
 */
export async function interrupted(clients: Clients, manifest: Manifest): Promise<string[]> {
  const lines = await interrupt();
  if (releaseLock) {
    await releaseLock().catch(() => {});
    releaseLock = undefined;
    lines.push('the deploy lock is released');
  }
  for (const stack of manifest.stacks) {
    const regional = await clientsFor(clients, manifest, stack);
    const state = await describeStack(regional, stack.stackName).catch(() => undefined);
    lines.push(
      `${stack.stackName}: ${!state ? 'state unknown (the endpoint did not answer)' : state.exists ? state.status : 'not deployed'}`,
    );
  }
  return lines;
}
