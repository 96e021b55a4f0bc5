/**
 * Container images of `image:` functions: after the data stacks (which hold their ECR
 * repositories) and before the first stack that runs one, gen asks ECR which tags are missing,
 * and builds and pushes only those with the Docker CLI, for each function's platform. A tag is
 * the hash of the build context, so an unchanged context is never built again. On moto, which
 * runs no containers, a placeholder manifest is registered under the tag instead of building.
 */
import { join } from 'node:path';
import type { ImageArtifact } from '../output/manifest.js';
import { runCommand, type CommandRunner } from './command.js';
import type { Clients } from './target.js';

/** What a deploy needs of ECR (an interface, so the push logic runs against moto or recorded answers). */
export interface ImageRegistry {
  /** Whether the repository holds the tag; a repository that does not exist is an error (RepositoryNotFoundException). */
  hasTag: (repository: string, tag: string) => Promise<boolean>;
  /** docker login's user, password and registry host, from ECR's authorization token. */
  login: () => Promise<{ username: string; password: string; registry: string }>;
  /** moto only: register a manifest under the tag without any image. */
  register: (repository: string, tag: string) => Promise<void>;
}

export interface PushResult {
  pushed: string[];
  unchanged: string[];
  /** Why nothing more could be done; the deploy stops before the stacks that need the images. */
  problem?: string;
}

const isNamed = (e: unknown, name: string) => (e as Error)?.name === name;

/** ECR through the AWS SDK, with the deploy's region, endpoint and credentials. */
export async function ecrRegistry(clients: Clients): Promise<ImageRegistry> {
  const { ECRClient, DescribeImagesCommand, GetAuthorizationTokenCommand, PutImageCommand } = await import(
    '@aws-sdk/client-ecr'
  );
  const ecr = new ECRClient({
    region: clients.region,
    ...(clients.endpoint ? { endpoint: clients.endpoint } : {}),
    credentials: clients.cfn.config.credentials,
    maxAttempts: 5,
  });
  return {
    hasTag: async (repository, tag) => {
      try {
        const found = await ecr.send(
          new DescribeImagesCommand({ repositoryName: repository, imageIds: [{ imageTag: tag }] }),
        );
        return (found.imageDetails ?? []).length > 0;
      } catch (e) {
        if (isNamed(e, 'ImageNotFoundException')) return false;
        throw e;
      }
    },
    login: async () => {
      const { authorizationData = [] } = await ecr.send(new GetAuthorizationTokenCommand({}));
      const [username, password] = Buffer.from(authorizationData[0]?.authorizationToken ?? '', 'base64')
        .toString('utf8')
        .split(':');
      const registry = (authorizationData[0]?.proxyEndpoint ?? '').replace(/^https?:\/\//, '');
      return { username, password, registry };
    },
    register: async (repository, tag) => {
      await ecr.send(
        new PutImageCommand({ repositoryName: repository, imageTag: tag, imageManifest: placeholder(tag) }),
      );
    },
  };
}

/** A manifest with no layers whose config digest is the tag: unique per tag, so moto keeps each one. */
export const placeholder = (tag: string) =>
  JSON.stringify({
    schemaVersion: 2,
    mediaType: 'application/vnd.docker.distribution.manifest.v2+json',
    config: { mediaType: 'application/vnd.docker.container.image.v1+json', size: 0, digest: `sha256:${tag}` },
    layers: [],
  });

/** Which images a template runs: those whose repository and tag appear in a function's ImageUri. */
export const imagesIn = (body: string, images: ImageArtifact[]) =>
  images.filter((image) => body.includes(`/${image.repository}:${image.tag}`));

/** Docker says what went wrong last. */
const lastLine = (text: string) => text.trim().split('\n').slice(-1)[0] ?? '';

export interface PushOptions {
  root: string;
  registry: ImageRegistry;
  /** On moto: register placeholders, never call Docker. */
  local: boolean;
  runner?: CommandRunner;
  info?: (line: string) => void;
}

/** `docker build` for one image, run from the project root: its platform, its Dockerfile, tagged for ECR. */
export const buildArguments = (image: ImageArtifact, reference: string, buildx: boolean) => [
  'build',
  '--platform',
  image.platform,
  ...(buildx ? ['--provenance=false'] : []),
  '--file',
  join(image.context, image.dockerfile),
  '--tag',
  reference,
  image.context,
];

/** Push the images whose tags the registry lacks. */
export async function pushImages(images: ImageArtifact[], options: PushOptions): Promise<PushResult> {
  const { root, registry, local, runner = runCommand, info = () => {} } = options;
  const missing: ImageArtifact[] = [];
  const unchanged: string[] = [];
  for (const image of images) {
    try {
      if (await registry.hasTag(image.repository, image.tag)) unchanged.push(image.function);
      else missing.push(image);
    } catch (e) {
      if (!isNamed(e, 'RepositoryNotFoundException')) throw e;
      return {
        pushed: [],
        unchanged,
        problem: `the ECR repository ${image.repository} of function '${image.function}' does not exist: deploy the data stack first (gen deploy without --stacks)`,
      };
    }
  }
  if (missing.length === 0) return { pushed: [], unchanged };
  if (local) {
    for (const image of missing) await registry.register(image.repository, image.tag);
    info(
      `images: ${missing.map((i) => i.function).join(', ')} registered on the local endpoint under their tags, not built (moto runs no containers)`,
    );
    return { pushed: missing.map((i) => i.function), unchanged };
  }
  const docker = (args: string[], input?: string) => runner('docker', args, { cwd: root, ...(input ? { input } : {}) });
  const daemon = await docker(['info', '--format', '{{.ServerVersion}}']);
  if (daemon.code !== 0) {
    return {
      pushed: [],
      unchanged,
      problem: `building the images of ${missing.map((i) => `'${i.function}'`).join(', ')} needs Docker, and \`docker info\` failed: ${lastLine(daemon.stderr) || `exit ${daemon.code}`}. Start the Docker daemon (or deploy from a machine that has one)`,
    };
  }
  const login = await registry.login();
  const signedIn = await docker(
    ['login', '--username', login.username, '--password-stdin', login.registry],
    login.password,
  );
  if (signedIn.code !== 0)
    return { pushed: [], unchanged, problem: `docker login to ${login.registry} failed: ${lastLine(signedIn.stderr)}` };
  // BuildKit (buildx) adds provenance attestations, making an image index Lambda refuses; the classic builder makes none.
  const buildx = (await docker(['buildx', 'version'])).code === 0;
  const pushed: string[] = [];
  for (const image of missing) {
    const reference = `${login.registry}/${image.repository}:${image.tag}`;
    info(`images: building ${image.function} (${image.context}, ${image.platform})`);
    const built = await docker(buildArguments(image, reference, buildx));
    if (built.code !== 0)
      return { pushed, unchanged, problem: `docker build of '${image.function}' failed: ${lastLine(built.stderr)}` };
    const sent = await docker(['push', reference]);
    // Tags are immutable: another deploy may have pushed this very tag meanwhile, which is as good.
    if (sent.code !== 0 && !(await registry.hasTag(image.repository, image.tag)))
      return { pushed, unchanged, problem: `docker push of '${image.function}' failed: ${lastLine(sent.stderr)}` };
    pushed.push(image.function);
  }
  return { pushed, unchanged };
}
