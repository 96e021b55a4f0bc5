/**
 * The pipeline: load -> validate -> assemble -> check references -> resolve environment ->
 * compile -> stacks -> platform rules. Each stage returns data and diagnostics; the first stage
 * with errors ends the run (later stages would only report consequences). Writing is left to
 * the caller (pipeline/write.ts), deploying to deploy/.
 */
import { existsSync } from 'node:fs';
import { error, hasErrors, type Diagnostic } from '../diagnostics.js';
import { environmentDir, environmentFiles, resolveEnvironment } from '../environment/resolve.js';
import type { Environment } from '../environment/model.js';
import { buildManifest, type Manifest } from '../output/manifest.js';
import type { UploadedDocument } from '../output/documents.js';
import { HARD_LIMITS, type StackLimits } from '../output/limits.js';
import { mergeFragments } from '../output/merge.js';
import { buildStacks, type Stack } from '../output/stacks.js';
import { checkRegions } from '../output/regions.js';
import { groupsOf } from '../placement/groups.js';
import { linkStacks } from '../placement/link.js';
import { readPlacement, type Placement } from '../placement/lock.js';
import { placeGroups } from '../placement/place.js';
import { applyTags, platformTags } from '../output/tags.js';
import { BUILTIN } from '../sections/index.js';
import { projectOf } from '../sections/project/model.js';
import { giveFunctionsOrigins } from '../sections/routes/cors.js';
import type { Registry } from '../sections/section.js';
import type { Spec } from '../spec.js';
import { assembleSpec } from './assemble.js';
import { loadDirectory } from './load.js';
import { isDirectory } from '../yaml/source.js';
import { validateSpecFiles } from './validate.js';
import { checkStacks } from '../rules/index.js';

export interface Paths {
  root: string;
  specDir: string;
}
export interface SpecResult {
  spec?: Spec;
  diagnostics: Diagnostic[];
}
export interface BuildResult {
  diagnostics: Diagnostic[];
  env?: Environment;
  stacks?: Stack[];
  manifest?: Manifest;
  /** Where every group now lives: the committed placement file's next content. */
  placement?: Placement;
  documents?: UploadedDocument[];
  /** The spec it was built from (messages about deployed stacks point into it: deploy/update-rules/locate.ts). */
  spec?: Spec;
}

/** Load, validate, assemble and cross-check the spec: everything that does not depend on an environment. */
export function readSpec({ root, specDir }: Paths, registry: Registry = BUILTIN): SpecResult {
  if (!isDirectory(specDir)) {
    const file = existsSync(specDir);
    return {
      diagnostics: [
        error(
          'GEN106',
          `spec folder '${specDir}' ${file ? 'is a file, not a folder' : 'not found'}`,
          undefined,
          file
            ? 'pass the folder holding the spec files with --spec <dir>'
            : 'run gen from the project folder, or pass --spec <dir>',
        ),
      ],
    };
  }
  const loaded = loadDirectory(specDir, root);
  const schemaDiagnostics = validateSpecFiles(loaded.sources, registry.schemas);
  const environmentNames = [...environmentFiles(environmentDir(root)).keys()];
  const assembled = assembleSpec(loaded.sources, schemaDiagnostics, { root, specDir, environmentNames }, registry);
  // What the spec implies beyond what each section reads of itself: functions answering routes of an API with several CORS origins get them (routes/cors.ts).
  const implied =
    registry.section('routes') && registry.section('functions') ? giveFunctionsOrigins(assembled.spec) : [];
  // Cross-references over a file that could not be parsed would only report its absence; so
  // would the checks of a single section (project) whose block has schema errors.
  const broken = new Set(schemaDiagnostics.filter((d) => d.severity === 'error').map((d) => d.location?.path[0]));
  const checked = registry.sections.filter((section) => !(section.kind === 'single' && broken.has(section.key)));
  const checks = hasErrors(loaded.diagnostics)
    ? []
    : checked.flatMap((section) => section.check?.(assembled.spec, registry) ?? []);
  return {
    spec: assembled.spec,
    diagnostics: [...loaded.diagnostics, ...schemaDiagnostics, ...assembled.diagnostics, ...implied, ...checks],
  };
}

/** Compile for one environment; `previous` is the committed placement, which groups never leave. */
export function compileSpec(
  spec: Spec,
  env: Environment,
  previous?: Placement,
  limits: StackLimits = HARD_LIMITS,
  registry: Registry = BUILTIN,
): BuildResult {
  const merged = mergeFragments(
    registry.sections.flatMap((section) => (section.compile ? [section.compile({ spec, env, registry })] : [])),
  );
  const project = projectOf(spec)!.value;
  const tags = platformTags(project, env);
  applyTags(merged, tags);
  const layers = registry.layers.map((l) => l.name);
  const placed = placeGroups(groupsOf(merged, registry.pinnedTypes), previous, env.name, limits, layers);
  const regions = new Map(registry.layers.map((l) => [l.name, l.region ?? env.region]));
  const linked = linkStacks(merged, placed, (layer) => regions.get(layer) ?? env.region);
  const built = buildStacks(
    linked.plans,
    project.name,
    env.name,
    Object.fromEntries(registry.layers.map((l) => [l.name, l.purpose])),
  );
  const { stacks } = built;
  const diagnostics = [
    ...placed.diagnostics,
    ...linked.diagnostics,
    ...built.diagnostics,
    ...checkRegions(stacks, env),
  ];
  // The platform rules read the finished templates, exactly as `gen check` reads out/.
  const violations = checkStacks(
    stacks.map((s) => ({ stackName: s.stackName, file: s.file, template: s.template })),
    { environment: env.name, logRetentionDays: env.logRetentionDays },
    (logicalId) =>
      registry.sections.map((section) => section.locate?.(spec, logicalId)).find((location) => location !== undefined),
  );
  const all = [...merged.diagnostics, ...diagnostics, ...violations];
  if (hasErrors(all)) return { diagnostics: all, env };
  return {
    diagnostics: all,
    env,
    stacks,
    placement: placed.placement,
    manifest: buildManifest(project.name, env, stacks, tags, merged.artifacts, merged.documents, merged.images),
    documents: merged.documents,
  };
}

export function build(paths: Paths, envName: string, registry: Registry = BUILTIN): BuildResult {
  return buildEnvironments(paths, [envName], registry)[0];
}

/** Several environments from one reading of the spec (`gen build --env test,production`). */
export function buildEnvironments(paths: Paths, envNames: string[], registry: Registry = BUILTIN): BuildResult[] {
  const read = readSpec(paths, registry);
  return envNames.map((envName) => buildEnvironment(paths, read, envName, registry));
}

function buildEnvironment(paths: Paths, read: SpecResult, envName: string, registry: Registry): BuildResult {
  const resolved = resolveEnvironment(envName, environmentDir(paths.root), paths.root, registry.schemas);
  const previous = resolved.env
    ? readPlacement(
        paths.root,
        envName,
        registry.layers.map((l) => l.name),
      )
    : { diagnostics: [] };
  const diagnostics = [...read.diagnostics, ...resolved.diagnostics, ...previous.diagnostics];
  if (hasErrors(diagnostics) || !read.spec || !resolved.env) return { diagnostics };
  const compiled = compileSpec(read.spec, resolved.env, previous.placement, HARD_LIMITS, registry);
  return { ...compiled, spec: read.spec, diagnostics: [...diagnostics, ...compiled.diagnostics] };
}
