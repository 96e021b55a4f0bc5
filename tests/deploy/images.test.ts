/**
 * Pushing container images. This machine has a Docker client but no daemon and no registry, so
 * the Docker side is a recorded-command test: a fake runner records every `docker` command and
 * its arguments, while ECR answers from moto (DescribeImages, GetAuthorizationToken, PutImage).
 * The real Docker client runs too: where no daemon answers, gen's refusal is checked against
 * its real output; where one answers, a real build with gen's arguments (the other is skipped,
 * saying why). `gen deploy --local` of an image function runs end to end on moto.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRepositoryCommand, DescribeImagesCommand, ECRClient } from '@aws-sdk/client-ecr';
import { GetFunctionCommand, LambdaClient } from '@aws-sdk/client-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CommandRunner } from '../../generator/deploy/command.js';
import { runCommand } from '../../generator/deploy/command.js';
import {
  buildArguments,
  ecrRegistry,
  type ImageRegistry,
  imagesIn,
  pushImages,
} from '../../generator/deploy/images.js';
import type { LocalEndpoint } from '../../generator/deploy/moto.js';
import { connect } from '../../generator/deploy/target.js';
import type { ImageArtifact } from '../../generator/output/manifest.js';
import { FIXTURES } from '../fixtures/run-fixture.js';
import { genAt, remove, resetMoto, startEndpoint } from './moto-harness.js';

const REGION = 'eu-central-1';
const CREDENTIALS = { accessKeyId: 'testing', secretAccessKey: 'testing' };
const image = (fn: string, tag: string, platform = 'linux/arm64'): ImageArtifact => ({
  function: fn,
  context: `handlers/${fn}`,
  dockerfile: 'Dockerfile',
  platform,
  repository: `test-${fn}`,
  tag,
});
const FRAUD = image('fraud', 'a'.repeat(64), 'linux/amd64');
const VALIDATION = image('validation', 'b'.repeat(64));

interface Recorded {
  args: string[];
  input?: string;
  cwd?: string;
}
/** A runner that records each docker command and answers from `answers` (default: success). */
type Answer = { code: number; stderr?: string } | undefined;
function recorder(answers: (args: string[]) => Answer | Promise<Answer> = () => undefined) {
  const calls: Recorded[] = [];
  const runner: CommandRunner = async (command, args, options = {}) => {
    expect(command).toBe('docker');
    calls.push({
      args,
      ...(options.input ? { input: options.input } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    const answer = (await answers(args)) ?? { code: 0 };
    return { code: answer.code, stdout: args[0] === 'info' ? '28.2.2\n' : '', stderr: answer.stderr ?? '' };
  };
  return { calls, runner };
}

let endpoint: LocalEndpoint;
let ecr: ECRClient;
const work: string[] = [];
beforeAll(async () => {
  endpoint = await startEndpoint();
  ecr = new ECRClient({ region: REGION, endpoint: endpoint.url, credentials: CREDENTIALS });
}, 60_000);
afterAll(async () => {
  await endpoint?.stop();
  for (const dir of work) remove(dir);
});
beforeEach(async () => {
  await resetMoto(endpoint.url);
});

const motoRegistry = async () =>
  ecrRegistry(await connect({ endpointUrl: endpoint.url, credentials: CREDENTIALS }, REGION));
const createRepositories = async (...names: string[]) => {
  for (const name of names)
    await ecr.send(new CreateRepositoryCommand({ repositoryName: name, imageTagMutability: 'IMMUTABLE' }));
};

describe('pushing images (recorded docker commands, ECR on moto)', () => {
  it('logs in once, builds each missing image for its platform without provenance, pushes it, and skips a tag ECR has', async () => {
    const registry = await motoRegistry();
    await createRepositories('test-fraud', 'test-validation');
    await registry.register('test-validation', VALIDATION.tag); // pushed by an earlier deploy
    const { calls, runner } = recorder();
    const result = await pushImages([FRAUD, VALIDATION], { root: '/project', registry, local: false, runner });
    expect(result).toEqual({ pushed: ['fraud'], unchanged: ['validation'] });
    // moto's registry host for its account and the region.
    const host = `123456789012.dkr.ecr.${REGION}.amazonaws.com`;
    expect(calls).toEqual([
      { args: ['info', '--format', '{{.ServerVersion}}'], cwd: '/project' },
      { args: ['login', '--username', 'AWS', '--password-stdin', host], input: expect.any(String), cwd: '/project' },
      { args: ['buildx', 'version'], cwd: '/project' },
      {
        args: [
          'build',
          '--platform',
          'linux/amd64',
          '--provenance=false',
          '--file',
          'handlers/fraud/Dockerfile',
          '--tag',
          `${host}/test-fraud:${FRAUD.tag}`,
          'handlers/fraud',
        ],
        cwd: '/project',
      },
      { args: ['push', `${host}/test-fraud:${FRAUD.tag}`], cwd: '/project' },
    ]);
    // The password goes through standard input, never the command line.
    expect(calls[1].input!.length).toBeGreaterThan(0);
    expect(calls.flatMap((c) => c.args).join(' ')).not.toContain(calls[1].input!);
  });

  it('runs no docker command at all when every tag is in ECR', async () => {
    const registry = await motoRegistry();
    await createRepositories('test-fraud', 'test-validation');
    await registry.register('test-fraud', FRAUD.tag);
    await registry.register('test-validation', VALIDATION.tag);
    const { calls, runner } = recorder();
    expect(await pushImages([FRAUD, VALIDATION], { root: '/p', registry, local: false, runner })).toEqual({
      pushed: [],
      unchanged: ['fraud', 'validation'],
    });
    expect(calls).toEqual([]);
  });

  it('leaves out --provenance with the classic builder (no buildx), which makes no attestations', async () => {
    const registry = await motoRegistry();
    await createRepositories('test-validation');
    const { calls, runner } = recorder((args) =>
      args[0] === 'buildx' ? { code: 1, stderr: 'docker: unknown command: docker buildx' } : undefined,
    );
    await pushImages([VALIDATION], { root: '/p', registry, local: false, runner });
    expect(calls.find((c) => c.args[0] === 'build')!.args).toEqual([
      'build',
      '--platform',
      'linux/arm64',
      '--file',
      'handlers/validation/Dockerfile',
      '--tag',
      `123456789012.dkr.ecr.${REGION}.amazonaws.com/test-validation:${VALIDATION.tag}`,
      'handlers/validation',
    ]);
  });

  it('stops with the reason when no Docker daemon answers, before logging in', async () => {
    const registry = await motoRegistry();
    await createRepositories('test-fraud');
    const { calls, runner } = recorder((args) =>
      args[0] === 'info'
        ? {
            code: 1,
            stderr: 'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
          }
        : undefined,
    );
    const result = await pushImages([FRAUD], { root: '/p', registry, local: false, runner });
    expect(result.problem).toBe(
      "building the images of 'fraud' needs Docker, and `docker info` failed: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?. Start the Docker daemon (or deploy from a machine that has one)",
    );
    expect(calls.map((c) => c.args[0])).toEqual(['info']);
  });

  it('stops at a failed build with docker’s last line, and pushes nothing after it', async () => {
    const registry = await motoRegistry();
    await createRepositories('test-fraud', 'test-validation');
    const { calls, runner } = recorder((args) =>
      args[0] === 'build' && args.includes('handlers/fraud')
        ? { code: 1, stderr: '#5 ERROR\nERROR: failed to solve: pip install exited 1' }
        : undefined,
    );
    const result = await pushImages([FRAUD, VALIDATION], { root: '/p', registry, local: false, runner });
    expect(result.problem).toBe("docker build of 'fraud' failed: ERROR: failed to solve: pip install exited 1");
    expect(calls.filter((c) => c.args[0] === 'push')).toEqual([]);
  });

  it('takes a push refused because another deploy pushed the same tag meanwhile (immutable tags) as done', async () => {
    const registry = await motoRegistry();
    await createRepositories('test-fraud');
    const { runner } = recorder(async (args) => {
      if (args[0] !== 'push') return undefined;
      await registry.register('test-fraud', FRAUD.tag); // the other deploy's push
      return {
        code: 1,
        stderr:
          'tag invalid: The image tag already exists and cannot be overwritten because the repository is immutable.',
      };
    });
    expect(await pushImages([FRAUD], { root: '/p', registry, local: false, runner })).toEqual({
      pushed: ['fraud'],
      unchanged: [],
    });
    // A push that fails for any other reason stops the deploy.
    await createRepositories('test-validation');
    const failing = recorder((args) =>
      args[0] === 'push' ? { code: 1, stderr: 'denied: not authorized' } : undefined,
    );
    expect(
      (await pushImages([VALIDATION], { root: '/p', registry, local: false, runner: failing.runner })).problem,
    ).toBe("docker push of 'validation' failed: denied: not authorized");
  });

  it('says to deploy the data stack first when the repository does not exist', async () => {
    const { calls, runner } = recorder();
    const result = await pushImages([FRAUD], { root: '/p', registry: await motoRegistry(), local: false, runner });
    expect(result.problem).toBe(
      "the ECR repository test-fraud of function 'fraud' does not exist: deploy the data stack first (gen deploy without --stacks)",
    );
    expect(calls).toEqual([]);
  });

  it('on the local endpoint registers a placeholder under the tag instead of building', async () => {
    const registry = await motoRegistry();
    await createRepositories('test-fraud');
    const { calls, runner } = recorder();
    const lines: string[] = [];
    expect(
      await pushImages([FRAUD], { root: '/p', registry, local: true, runner, info: (l) => lines.push(l) }),
    ).toEqual({
      pushed: ['fraud'],
      unchanged: [],
    });
    expect(calls).toEqual([]);
    expect(lines).toEqual([
      'images: fraud registered on the local endpoint under their tags, not built (moto runs no containers)',
    ]);
    const { imageDetails = [] } = await ecr.send(new DescribeImagesCommand({ repositoryName: 'test-fraud' }));
    expect(imageDetails.map((d) => d.imageTags)).toEqual([[FRAUD.tag]]);
  });

  it('finds the images a template runs by repository and tag', () => {
    const body = JSON.stringify({
      ImageUri: { 'Fn::Sub': `\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.\${AWS::URLSuffix}/test-fraud:${FRAUD.tag}` },
    });
    expect(imagesIn(body, [FRAUD, VALIDATION])).toEqual([FRAUD]);
    expect(imagesIn('{}', [FRAUD])).toEqual([]);
  });
});

/** The real Docker client: which of the two tests runs depends on whether a daemon answers here. */
const daemon = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
const hasClient = daemon.error === undefined;
const hasDaemon = hasClient && daemon.status === 0;

describe.skipIf(!hasClient || hasDaemon)(
  `real docker client without a daemon${hasClient && !hasDaemon ? '' : ' (skipped: a Docker daemon answers here, or there is no docker client)'}`,
  () => {
    it('refuses to push with what docker itself said, before asking ECR for a login', async () => {
      let loggedIn = false;
      const registry: ImageRegistry = {
        hasTag: async () => false,
        login: async () => {
          loggedIn = true;
          return { username: 'AWS', password: 'x', registry: 'example.invalid' };
        },
        register: async () => {},
      };
      const result = await pushImages([FRAUD], { root: tmpdir(), registry, local: false, runner: runCommand });
      expect(result.problem).toMatch(
        /^building the images of 'fraud' needs Docker, and `docker info` failed: .*daemon/i,
      );
      expect(loggedIn).toBe(false);
    });
  },
);

describe.skipIf(!hasDaemon)(
  `real docker build${hasDaemon ? '' : ' (skipped: no Docker daemon answers `docker info` on this machine, so only the recorded-command tests run)'}`,
  () => {
    it('builds a context with the arguments gen uses, for the platform asked', async () => {
      const root = mkdtempSync(join(tmpdir(), 'gen-docker-'));
      work.push(root);
      mkdirSync(join(root, 'handlers/fraud'), { recursive: true });
      writeFileSync(join(root, 'handlers/fraud/Dockerfile'), 'FROM scratch\nCOPY app.txt /app.txt\n');
      writeFileSync(join(root, 'handlers/fraud/app.txt'), 'hello\n');
      const reference = `gen-test/fraud:${FRAUD.tag.slice(0, 12)}`;
      const buildx = (await runCommand('docker', ['buildx', 'version'])).code === 0;
      const built = await runCommand('docker', buildArguments(FRAUD, reference, buildx), { cwd: root });
      expect(built.code, built.stderr).toBe(0);
      const inspected = await runCommand('docker', ['image', 'inspect', '--format', '{{.Architecture}}', reference]);
      expect(inspected.stdout.trim()).toBe('amd64');
      await runCommand('docker', ['image', 'rm', reference]);
    });
  },
);

describe('gen deploy --local with an image function', () => {
  it('creates the repository, registers the tag, creates the function from it; the next deploy pushes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-deploy-image-'));
    work.push(dir);
    cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
    mkdirSync(join(dir, 'handlers/fraud'));
    writeFileSync(
      join(dir, 'handlers/fraud/Dockerfile'),
      'FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ./\nCMD ["app.handler"]\n',
    );
    writeFileSync(join(dir, 'handlers/fraud/app.py'), 'def handler(event, context):\n    return {}\n');
    writeFileSync(
      join(dir, 'spec/fraud.yaml'),
      'functions:\n  fraud:\n    image: handlers/fraud\n    architecture: x86_64\n    memory: 1024\nroutes:\n  GET /fraud: fraud\n',
    );
    expect(genAt(endpoint, dir, ['bootstrap', '--env', 'test']).status).toBe(0);
    const first = genAt(endpoint, dir, ['deploy', '--env', 'test']);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain(
      'images: fraud registered on the local endpoint under their tags, not built (moto runs no containers)',
    );
    expect(first.stderr).toContain('images: 1 container images, 1 pushed, 0 unchanged');
    const manifest = JSON.parse(readFileSync(join(dir, 'out/test/manifest.json'), 'utf8')) as {
      images: ImageArtifact[];
    };
    const { tag } = manifest.images[0];
    const { imageDetails = [] } = await ecr.send(new DescribeImagesCommand({ repositoryName: 'test-fraud' }));
    expect(imageDetails.map((d) => d.imageTags)).toEqual([[tag]]);
    const lambda = new LambdaClient({ region: REGION, endpoint: endpoint.url, credentials: CREDENTIALS });
    const fn = await lambda.send(new GetFunctionCommand({ FunctionName: 'test-fraud' }));
    // moto's CloudFormation drops PackageType (its function reads a fixed list of properties), so the image URI is what shows.
    expect(fn.Code?.ImageUri).toBe(`123456789012.dkr.ecr.${REGION}.amazonaws.com/test-fraud:${tag}`);
    const second = genAt(endpoint, dir, ['deploy', '--env', 'test']);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stderr).toContain('images: 1 container images, 0 pushed, 1 unchanged');
    // The repository is data: destroy names it, and takes it with its images.
    const refused = genAt(endpoint, dir, ['destroy', '--env', 'test', '--yes']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('FraudRepository');
    const destroyed = genAt(endpoint, dir, ['destroy', '--env', 'test', '--yes', '--delete-data', 'all']);
    expect(destroyed.status, destroyed.stderr).toBe(0);
    expect(destroyed.stderr).toContain('shop-test-data/FraudRepository: emptied test-fraud (1 image)');
    await expect(ecr.send(new DescribeImagesCommand({ repositoryName: 'test-fraud' }))).rejects.toThrow(
      /does not exist/,
    );
  }, 120_000);
});
