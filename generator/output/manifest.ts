/** manifest.json: what the deployer needs: stacks in deploy order, their hashes, tags and code artifacts. */
import type { Environment } from '../environment/model.js';
import type { UploadedDocument } from './documents.js';
import type { Artifact, ImageArtifact } from './fragment.js';
import { LIMITS } from './limits.js';
import type { ParameterSource, Stack } from './stacks.js';
import { byText } from '../order.js';

export type { Artifact, ImageArtifact };

export interface Manifest {
  format: 1;
  project: string;
  environment: string;
  region: string;
  account?: string;
  protected: boolean;
  tags: Record<string, string>;
  deployOrder: string[];
  stacks: {
    stackName: string;
    layer: string;
    /** The region it deploys to: the environment's, or its layer's fixed one (us-east-1 for CloudFront's certificate). */
    region: string;
    template: string;
    resources: number;
    bytes: number;
    sha256: string;
    uploadTemplate: boolean;
    /** Parameter -> the output of an earlier stack that the deployer passes in (and that stack's region when not this one's). */
    parameters: Record<string, ParameterSource>;
  }[];
  artifacts: Artifact[];
  /** Container images to build and push before the stacks whose functions run them; absent when there are none. */
  images?: ImageArtifact[];
  /** Files of out/<env>/ the deployer uploads to the artifact bucket, pseudo parameters resolved. */
  documents: { file: string; key: string }[];
}

/** ' (us-east-1)' after a stack outside the environment's region, for listings; '' otherwise. */
export const regionNote = (manifest: Pick<Manifest, 'region'>, stack: { region?: string }) =>
  stack.region && stack.region !== manifest.region ? ` (${stack.region})` : '';

export function buildManifest(
  project: string,
  env: Environment,
  stacks: Stack[],
  tags: { Key: string; Value: string }[],
  artifacts: Artifact[],
  documents: UploadedDocument[],
  images: ImageArtifact[] = [],
): Manifest {
  return {
    format: 1,
    project,
    environment: env.name,
    region: env.region,
    ...(env.account ? { account: env.account } : {}),
    protected: env.protected,
    tags: Object.fromEntries(tags.map((t) => [t.Key, t.Value])),
    deployOrder: stacks.map((s) => s.stackName),
    stacks: stacks.map((s) => ({
      stackName: s.stackName,
      layer: s.layer,
      region: s.region,
      template: s.file,
      resources: s.resourceCount,
      bytes: s.bytes,
      sha256: s.sha256,
      // CloudFormation takes at most 51,200 bytes inline; larger templates go through S3.
      uploadTemplate: s.bytes > LIMITS.inlineTemplateBytes,
      parameters: s.parameters,
    })),
    artifacts: [...artifacts].sort((a, b) => byText(a.function, b.function)),
    // Written only when there are images, so manifests of projects without them stay as they were.
    ...(images.length > 0 ? { images: [...images].sort((a, b) => byText(a.function, b.function)) } : {}),
    documents: documents.map((d) => ({ file: d.file, key: d.key })),
  };
}
