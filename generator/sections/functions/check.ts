/** Cross-references of functions: what they use exists, handler files exist, settings agree. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { error, warning, type Diagnostic } from '../../diagnostics.js';
import { suggestion } from '../../naming/did-you-mean.js';
import type { Entry, Spec } from '../../spec.js';
import { names } from '../../naming/ids.js';
import { physicalNameProblem } from '../project/limits.js';
import { unknownReference } from '../references.js';
import { usableKey, type Registry } from '../section.js';
import {
  findHandlerFile,
  nodeExports,
  outsideProject,
  plainlyExports,
  pythonFunctions,
  unpinnedRequirements,
} from './handler-file.js';
import { creationBlocked, deprecationSoon, HANDLER_EXTENSIONS, languageOf, newest, RUNTIMES } from './runtimes.js';
import { checkImage } from './image-check.js';
import { functionsOf, isZip, splitHandler, type FunctionSpec, type ZipFunction } from './model.js';

/** Every reference names an existing item, passes its section's own checks, and has a variable of its own. */
function checkReferences(spec: Spec, registry: Registry, entry: Entry<FunctionSpec>): Diagnostic[] {
  const { value: fn, file, path } = entry;
  const out: Diagnostic[] = [];
  const variables = new Map<string, string>();
  for (const section of registry.usable) {
    for (const reference of fn.uses[section.key] ?? []) {
      const at = [...path, usableKey(section), reference.name];
      out.push(
        ...unknownReference(spec, section, reference.name, `function '${entry.name}' uses`, {
          file,
          path: at,
          at: 'key',
        }),
      );
      const problem = section.usable.check?.(reference, spec);
      if (problem) out.push(error('GEN206', problem.message, { file, path: at }, problem.fix));
      const noun = section.names?.noun ?? section.key;
      if (reference.variable in fn.environment) {
        out.push(
          error(
            'GEN206',
            `environment variable ${reference.variable} is set by gen to ${section.usable.holds} '${reference.name}'`,
            { file, path: [...path, 'environment', reference.variable], at: 'key' },
            `remove ${reference.variable}: gen sets it`,
          ),
        );
      }
      const other = variables.get(reference.variable);
      if (other) {
        out.push(
          error(
            'GEN206',
            `environment variable ${reference.variable} would carry both ${other} and ${noun} '${reference.name}'`,
            { file, path: at },
            `give one of them another name with {access, variable}`,
          ),
        );
      }
      variables.set(reference.variable, `${noun} '${reference.name}'`);
    }
  }
  return out;
}

function checkFunction(spec: Spec, registry: Registry, entry: Entry<FunctionSpec>, pending: Pending[]): Diagnostic[] {
  const { value: fn, file, path } = entry;
  const out = checkReferences(spec, registry, entry);
  out.push(
    ...(isZip(fn) ? checkHandler(spec, { ...entry, value: fn }, pending) : checkImage(spec, entry)),
    ...checkEnvironment(spec, entry),
  );
  const long = physicalNameProblem(
    'function',
    entry.name,
    spec.environmentNames,
    (env) => names.function(env, entry.name),
    { max: 64, what: 'Lambda function names' },
  );
  if (long) out.push(error('GEN320', long.message, { file, path, at: 'key' }, long.fix));
  // An image brings its own runtime: the runtime checks are for zip functions.
  const blocked = fn.image ? undefined : creationBlocked(fn.runtime);
  if (blocked) {
    out.push(
      error(
        'GEN333',
        `runtime ${fn.runtime} is retired: Lambda stopped creating functions with it on ${blocked} (and updating them on ${RUNTIMES[fn.runtime].updateBlocked})`,
        { file, path: [...path, 'runtime'] },
        `use ${newest(languageOf(fn.runtime))} (test the code on it first)`,
      ),
    );
  }
  const deprecates = fn.image ? undefined : deprecationSoon(fn.runtime);
  if (deprecates) {
    out.push(
      warning(
        'GEN330',
        `runtime ${fn.runtime} is deprecated by AWS on ${deprecates}: after that, functions using it get no security patches and soon cannot be updated`,
        { file, path: [...path, 'runtime'] },
        'move to a newer runtime of the same language and test the code on it',
      ),
    );
  }
  const queues = registry.section('queues');
  if (fn.deadLetterQueue !== undefined) {
    out.push(
      ...(queues
        ? unknownReference(spec, queues, fn.deadLetterQueue, `function '${entry.name}' sends failed events to`, {
            file,
            path: [...path, 'deadLetterQueue'],
          })
        : [
            error(
              'GEN312',
              'deadLetterQueue names a queue, but this project has no queues section',
              { file, path: [...path, 'deadLetterQueue'] },
              'remove deadLetterQueue',
            ),
          ]),
    );
  }
  if (
    fn.provisionedConcurrency !== undefined &&
    fn.reservedConcurrency !== undefined &&
    fn.provisionedConcurrency > fn.reservedConcurrency
  ) {
    out.push(
      error(
        'GEN204',
        `provisionedConcurrency ${fn.provisionedConcurrency} is more than reservedConcurrency ${fn.reservedConcurrency}`,
        { file, path: [...path, 'provisionedConcurrency'] },
        `use at most ${fn.reservedConcurrency}, or raise reservedConcurrency`,
      ),
    );
  }
  return out;
}

/** A Node handler file whose exports need a parser to tell (read for all functions in one esbuild pass). */
interface Pending {
  entry: Entry<ZipFunction>;
  found: string;
}

const EXTENSIONS = [...new Set(Object.values(HANDLER_EXTENSIONS).flat())];

/**
 * The handler names a function, not a file: `handlers/search.mjs` (the file, its extension read
 * as the function) or `handlers/search.mjs.handler` (the extension written).
 */
function extensionWritten(spec: Spec, { value: fn, file, path }: Entry<ZipFunction>): Diagnostic[] {
  const { file: base, exportName } = splitHandler(fn.handler);
  const exists = (candidate: string) => existsSync(join(spec.root, candidate));
  const asFunction = EXTENSIONS.find((e) => exportName === e.slice(1) && exists(base + e));
  const inFile = asFunction ? undefined : EXTENSIONS.find((e) => base.endsWith(e) && exists(base));
  const ext = asFunction ?? inFile;
  if (!ext) return [];
  const module = asFunction ? base : base.slice(0, -ext.length);
  const what = asFunction
    ? `names the file, not a function in it: Lambda would look for a function '${exportName}'`
    : `includes the file extension: Lambda would look for ${base}${ext}`;
  return [
    error(
      'GEN345',
      `handler '${fn.handler}' ${what}`,
      { file, path: [...path, 'handler'] },
      `write the file without its extension, then the function it ${ext === '.py' ? 'defines' : 'exports'}: handler: ${module}.${asFunction ? 'handler' : exportName}`,
    ),
  ];
}

/** The handler file exists for the runtime's language, inside the project, and (Python) defines the function named; Node files whose exports need a parser are left in `pending`. */
function checkHandler(spec: Spec, entry: Entry<ZipFunction>, pending: Pending[]): Diagnostic[] {
  const { value: fn, file, path } = entry;
  const written = extensionWritten(spec, entry);
  if (written.length > 0) return written;
  const language = languageOf(fn.runtime);
  const { file: base, exportName } = splitHandler(fn.handler);
  const found = findHandlerFile(spec.root, fn.handler, language);
  if (!found) {
    const example =
      language === 'python' ? `${base}.py defining '${exportName}'` : `${base}.mjs exporting '${exportName}'`;
    return [
      error(
        'GEN304',
        `handler file for '${fn.handler}' not found: looked for ${base}{${HANDLER_EXTENSIONS[language].join(',')}}`,
        { file, path: [...path, 'handler'] },
        `create ${example}, or fix the path`,
      ),
    ];
  }
  if (outsideProject(spec.root, found)) {
    return [
      error(
        'GEN346',
        `handler file ${found} is a symbolic link to a file outside the project: a checkout elsewhere (CI, a colleague) would not have it, and gen deploy would package code that is not in the repository`,
        { file, path: [...path, 'handler'] },
        `copy the file into ${dirname(found)}/ (or link to a file inside the project)`,
      ),
    ];
  }
  let text: string;
  try {
    text = readFileSync(join(spec.root, found), 'utf8');
  } catch (e) {
    return [
      error(
        'GEN348',
        `cannot read handler file ${found}: ${(e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : String((e as Error).message)}`,
        { file, path: [...path, 'handler'] },
        `let your user read ${found} (chmod u+r ${found})`,
      ),
    ];
  }
  if (language !== 'python') {
    if (!plainlyExports(text, exportName)) pending.push({ entry, found });
    return [];
  }
  const unpinned = unpinnedRequirements(spec.root, found).map((requirement) =>
    warning(
      'GEN334',
      `${requirement} in ${join(dirname(found), 'requirements.txt')} is not pinned: pip may install a newer release at any deploy, while the artifact's name (its hash) stays the same`,
      { file, path: [...path, 'handler'] },
      `pin it (${requirement.split(/[<>=!~ ;[]/)[0]}==<version>), so the code that runs is the code that was built`,
    ),
  );
  const defined = pythonFunctions(spec.root, found);
  if (defined.includes(exportName)) return unpinned;
  return [
    ...unpinned,
    error(
      'GEN331',
      `${found} defines no top-level function '${exportName}'.${suggestion(exportName, defined)}`,
      { file, path: [...path, 'handler'] },
      defined.length > 0
        ? `name one of: ${defined.join(', ')}`
        : `add 'def ${exportName}(event, context):' to ${found}`,
    ),
  ];
}

/** Node handlers the fast path could not confirm: their exports from one esbuild pass over all of them, with did-you-mean. */
function checkNodeExports(spec: Spec, pending: Pending[]): Diagnostic[] {
  const exports = nodeExports(
    spec.root,
    pending.map((p) => p.found),
  );
  return pending.flatMap(({ entry: { value: fn, file, path }, found }) => {
    const { exportName } = splitHandler(fn.handler);
    const module = exports.get(found);
    const at = { file, path: [...path, 'handler'] };
    if (module?.problem) {
      return [
        error(
          'GEN331',
          `cannot tell whether ${found} exports '${exportName}': it does not parse (${module.problem})`,
          at,
          `fix the syntax error in ${found}`,
        ),
      ];
    }
    const names = module?.names;
    if (names === undefined || names.includes(exportName)) return [];
    return [
      error(
        'GEN331',
        `${found} exports no '${exportName}'.${suggestion(exportName, names)}`,
        at,
        names.length > 0
          ? `name one of its exports: ${names.join(', ')}`
          : `add 'export const ${exportName} = async (event) => { ... }' to ${found}`,
      ),
    ];
  });
}

/** Per-environment values name real environments, all of them. */
function checkEnvironment(spec: Spec, { value: fn, file, path }: Entry<FunctionSpec>): Diagnostic[] {
  return Object.entries(fn.environment).flatMap(([variable, value]) => {
    if (typeof value === 'string') return [];
    const at = [...path, 'environment', variable];
    const unknown = Object.keys(value)
      .filter((env) => !spec.environmentNames.includes(env))
      .map((env) =>
        error(
          'GEN308',
          `${variable} names environment '${env}', which has no file in environments/.${suggestion(env, spec.environmentNames)}`,
          { file, path: [...at, env], at: 'key' },
          `use one of: ${spec.environmentNames.join(', ')}`,
        ),
      );
    const missing = spec.environmentNames.filter((env) => !(env in value));
    return [
      ...unknown,
      ...(missing.length === 0
        ? []
        : [
            error(
              'GEN332',
              `${variable} has no value for ${missing.join(', ')}`,
              { file, path: at },
              `add ${missing.map((env) => `${env}: ...`).join(', ')}, or write one value for every environment`,
            ),
          ]),
    ];
  });
}

export function checkFunctions(spec: Spec, registry: Registry): Diagnostic[] {
  const pending: Pending[] = [];
  const out = functionsOf(spec).items.flatMap((entry) => checkFunction(spec, registry, entry, pending));
  return [...out, ...checkNodeExports(spec, pending)];
}
