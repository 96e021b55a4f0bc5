/** Combine section fragments into one set of resources per layer; a logical ID may be used once. */
import { error, type Diagnostic } from '../diagnostics.js';
import type { UploadedDocument } from './documents.js';
import type { Artifact, Fragment, ImageArtifact, PlacedOutput, PlacedResource } from './fragment.js';

export interface Merged {
  resources: Map<string, PlacedResource>;
  outputs: PlacedOutput[];
  artifacts: Artifact[];
  images: ImageArtifact[];
  documents: UploadedDocument[];
  diagnostics: Diagnostic[];
}

export function mergeFragments(fragments: Fragment[]): Merged {
  const resources = new Map<string, PlacedResource>();
  const diagnostics: Diagnostic[] = fragments.flatMap((f) => f.diagnostics);
  for (const placed of fragments.flatMap((f) => f.resources)) {
    const existing = resources.get(placed.logicalId);
    if (existing) {
      diagnostics.push(
        error(
          'GEN503',
          `two resources would have the logical ID '${placed.logicalId}' (${typeOf(existing)} in ${existing.layer}, ${typeOf(placed)} in ${placed.layer})`,
          undefined,
          'two spec names differ only in dashes or case (for example a-b and ab): rename one',
        ),
      );
      continue;
    }
    resources.set(placed.logicalId, placed);
  }
  return {
    resources,
    outputs: fragments.flatMap((f) => f.outputs),
    artifacts: fragments.flatMap((f) => f.artifacts),
    images: fragments.flatMap((f) => f.images ?? []),
    documents: fragments.flatMap((f) => f.documents ?? []),
    diagnostics,
  };
}

const typeOf = (placed: PlacedResource) => (placed.resource as { Type?: string }).Type ?? 'resource';
