/**
 * What a section's compile step returns: resources placed in lifecycle layers, outputs and
 * diagnostics. Sections never write into a shared template; output/merge.ts combines fragments.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { UploadedDocument } from './documents.js';

/**
 * A lifecycle layer (data, app, api, monitoring, ...): one stack or more, deployed in the order
 * the section registry gives (sections/registry.ts). Stateful resources never move between stacks.
 */
export type Layer = string;

/** Code the deployer uploads before the stacks can be created. */
export interface Artifact {
  function: string;
  /** Entry file, relative to the project root. */
  source: string;
  bucket: string;
  key: string;
  /** Python code: the folder shipped (handler's folder), its requirements.txt, and what packages are installed for. */
  python?: { folder: string; runtime: string; architecture: string; requirements?: string };
}

/** A container image the deployer builds with Docker and pushes before the stacks that run it (functions' `image`). */
export interface ImageArtifact {
  function: string;
  /** Build context folder and the Dockerfile in it, relative to the project root and to the context. */
  context: string;
  dockerfile: string;
  /** docker build --platform: linux/arm64 or linux/amd64. */
  platform: string;
  /** ECR repository name (in the environment's account and region) and the tag: the context's hash. */
  repository: string;
  tag: string;
}

/** A CloudFormation resource as plain JSON (cloudform objects serialise to this). */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  [attribute: string]: unknown;
}

export interface PlacedResource {
  layer: Layer;
  logicalId: string;
  resource: CfnResource | object;
  /**
   * Resources that refer to each other by Ref must share a stack: they form a group, named by
   * the main resource's logical ID (a function with its role and log group). A group is what
   * placement assigns to a stack. Defaults to the resource's own logical ID.
   */
  group?: string;
  /**
   * Other stacks of the layer may refer to this resource (the API, whose id is not a name):
   * its stack outputs Ref under this name and they receive it as a parameter of the same name.
   */
  sharedAs?: string;
  /**
   * CloudFormation parameter type of that parameter (AWS::EC2::Subnet::Id...), so CloudFormation
   * checks the value names an existing resource of that kind before changing anything. Default String.
   */
  sharedType?: string;
  /**
   * Attributes (Fn::GetAtt) that resources of later stacks may read, when AWS makes them up (the
   * cache's PrimaryEndPoint.Address): each one a later stack reads becomes an output of this
   * stack and a parameter of the reader, both named ids.linkedAttribute(logicalId, attribute),
   * filled in by gen deploy. String-valued attributes only (parameters are Strings).
   */
  sharedAttributes?: string[];
}

export interface PlacedOutput {
  layer: Layer;
  /** The group whose stack carries this output (the output refers to it). */
  group: string;
  name: string;
  value: unknown;
  description: string;
}

export interface Fragment {
  resources: PlacedResource[];
  outputs: PlacedOutput[];
  diagnostics: Diagnostic[];
  /** Code the deployer must upload before the stacks can be created. */
  artifacts: Artifact[];
  /** Container images the deployer must build and push (absent: none). */
  images?: ImageArtifact[];
  /** Documents too large for a template (an OpenAPI body) that the deployer uploads, see output/documents.ts. */
  documents?: UploadedDocument[];
}

/** Resources that refer to each other and so must share a stack, under their main logical ID. */
export const inGroup = (group: string, resources: PlacedResource[]): PlacedResource[] =>
  resources.map((r) => ({ ...r, group }));

export const fragment = (
  resources: PlacedResource[],
  outputs: PlacedOutput[] = [],
  artifacts: Artifact[] = [],
): Fragment => ({ resources, outputs, artifacts, diagnostics: [] });
