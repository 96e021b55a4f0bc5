/**
 * What a function runs: the handler Lambda calls, the code's hash (which names the artifact, so
 * unchanged code is never uploaded again) and what the deployer must package. Node.js code is
 * bundled into index.mjs; a Python module ships with its folder, so its handler keeps the
 * module's name.
 */
import { basename } from 'node:path';
import { names } from '../../naming/ids.js';
import type { Artifact } from '../../output/fragment.js';
import type { Spec } from '../../spec.js';
import { findHandlerFile, handlerHash, pythonPackage } from './handler-file.js';
import { splitHandler, type ZipFunction } from './model.js';
import { languageOf } from './runtimes.js';

const artifactKey = (env: string, fn: string, codeHash: string) => `functions/${env}-${fn}/${codeHash}.zip`;

export interface FunctionCode {
  handler: string;
  codeHash: string;
  artifact: Artifact;
}

/** What every Node function's hash is made from: its bundle's inputs (bundle-hash.ts), else the shared-code fallback. */
export interface NodeSources {
  shared: string;
  bundles: ReadonlyMap<string, string>;
}

export function functionCode(
  spec: Spec,
  env: string,
  name: string,
  fn: ZipFunction,
  { shared, bundles }: NodeSources,
): FunctionCode {
  const { file, exportName } = splitHandler(fn.handler);
  // Key order is the manifest's (function, source, bucket, key): manifests are compared byte for byte.
  const artifact = (source: string, codeHash: string) => ({
    function: name,
    source,
    bucket: names.artifactBucket(env),
    key: artifactKey(env, name, codeHash),
  });
  if (languageOf(fn.runtime) === 'python') {
    const source = findHandlerFile(spec.root, fn.handler, 'python') ?? `${file}.py`;
    const pkg = pythonPackage(spec.root, source, fn.runtime, fn.architecture);
    return {
      handler: `${basename(file)}.${exportName}`,
      codeHash: pkg.codeHash,
      artifact: {
        ...artifact(source, pkg.codeHash),
        python: {
          folder: pkg.folder,
          runtime: fn.runtime,
          architecture: fn.architecture,
          ...(pkg.requirements ? { requirements: pkg.requirements } : {}),
        },
      },
    };
  }
  const source = findHandlerFile(spec.root, fn.handler);
  // The bundle's inputs when it bundles; otherwise (a syntax error the checks report) the file and all shared code.
  const codeHash = (source && bundles.get(source)) ?? handlerHash(spec.root, fn.handler, shared);
  return {
    handler: `index.${exportName}`,
    codeHash,
    artifact: artifact(source ?? fn.handler, codeHash),
  };
}
