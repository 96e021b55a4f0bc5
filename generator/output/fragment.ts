/**
 * What a section's compile step returns: resources placed in lifecycle layers, outputs and
 * diagnostics. Sections never write into a shared template; output/merge.ts combines fragments.
 */
import type { Diagnostic } from '../diagnostics.js';
import type { Artifact } from './manifest.js';

/** Lifecycle layers, in deploy order. Stateful resources live in `data` and never move. */
export const LAYERS = ['data', 'app', 'api', 'monitoring'] as const;
export type Layer = (typeof LAYERS)[number];

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
}

export interface PlacedOutput {
  layer: Layer;
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
}

export const fragment = (resources: PlacedResource[], outputs: PlacedOutput[] = [], artifacts: Artifact[] = []): Fragment =>
  ({ resources, outputs, artifacts, diagnostics: [] });
