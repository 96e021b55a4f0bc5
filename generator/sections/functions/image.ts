/**
 * Container-image functions (`image: <folder>`): the ECR repository that holds the images, in
 * the data layer so it exists before the deployer pushes and before the function is created,
 * and the image URI, tagged with the hash of the build context (image-context.ts).
 */
import { arns, ids, names } from '../../naming/ids.js';
import { keptWhenProtected, sub } from '../../output/cfn.js';
import type { ImageArtifact, PlacedResource } from '../../output/fragment.js';
import { contextHash } from './image-context.js';
import type { Architecture } from './runtimes.js';

/** Where an image is built from: a folder of the project and the Dockerfile in it. */
export interface ImageSource {
  /** The build context, relative to the project root. */
  context: string;
  /** Relative to the context. */
  dockerfile: string;
}

export const DEFAULT_DOCKERFILE = 'Dockerfile';
/** Images a repository keeps; older ones expire (a function version still using one stops working, so keep several). */
export const IMAGES_KEPT = 10;

export const normalizeImage = (raw: string | { context: string; dockerfile?: string }): ImageSource =>
  typeof raw === 'string'
    ? { context: raw.replace(/\/+$/, ''), dockerfile: DEFAULT_DOCKERFILE }
    : { context: raw.context.replace(/\/+$/, ''), dockerfile: raw.dockerfile ?? DEFAULT_DOCKERFILE };

const LIFECYCLE = JSON.stringify({
  rules: [
    {
      rulePriority: 1,
      description: `keep the last ${IMAGES_KEPT} images`,
      selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: IMAGES_KEPT },
      action: { type: 'expire' },
    },
  ],
});

/**
 * The repository: scanned on push, tags immutable (a tag is a content hash, so it never needs
 * to move), encrypted with KMS (the AWS-managed key), emptied with the stack only where data
 * is not kept. Its policy lets the Lambda service pull, for this function only: without it,
 * Lambda would edit the policy itself at creation (which needs ecr:SetRepositoryPolicy and
 * drifts from the template).
 */
export function repositoryResource(env: { name: string; protected: boolean }, fn: string): PlacedResource {
  const functionArn = arns.function(names.function(env.name, fn));
  return {
    layer: 'data',
    logicalId: ids.repository(fn),
    resource: {
      Type: 'AWS::ECR::Repository',
      Properties: {
        RepositoryName: names.repository(env.name, fn),
        ImageScanningConfiguration: { ScanOnPush: true },
        ImageTagMutability: 'IMMUTABLE',
        EncryptionConfiguration: { EncryptionType: 'KMS' },
        LifecyclePolicy: { LifecyclePolicyText: LIFECYCLE },
        EmptyOnDelete: !env.protected,
        RepositoryPolicyText: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'LambdaPullsThisFunctionsImages',
              Effect: 'Allow',
              Principal: { Service: 'lambda.amazonaws.com' },
              Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'],
              Condition: { StringLike: { 'aws:SourceArn': [sub(functionArn), sub(`${functionArn}:*`)] } },
            },
          ],
        },
      },
      ...keptWhenProtected(env.protected),
    },
  };
}

/** What the deployer builds and pushes, and the tag the template names. */
export function imageArtifact(
  root: string,
  env: string,
  fn: string,
  image: ImageSource,
  architecture: Architecture,
): ImageArtifact {
  return {
    function: fn,
    context: image.context,
    dockerfile: image.dockerfile,
    platform: `linux/${architecture === 'x86_64' ? 'amd64' : 'arm64'}`,
    repository: names.repository(env, fn),
    tag: contextHash(`${root}/${image.context}`, image.dockerfile, architecture),
  };
}

/** The image URI in the function's Code: the repository by name in this account and region, at the context's tag. */
export const imageUri = (artifact: ImageArtifact) =>
  sub(`\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.\${AWS::URLSuffix}/${artifact.repository}:${artifact.tag}`);
