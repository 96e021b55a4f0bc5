/** Checks of a container-image function: its folder exists inside the project and holds the Dockerfile, which says what to run. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { error, warning, type Diagnostic } from '../../diagnostics.js';
import type { Entry, Spec } from '../../spec.js';
import { outsideProject } from './handler-file.js';
import { DEFAULT_DOCKERFILE } from './image.js';
import type { FunctionSpec } from './model.js';

const isFolder = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** Instructions of a Dockerfile, continuation lines joined, comments dropped. */
const instructions = (text: string) =>
  text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

export function checkImage(spec: Spec, { name, value: fn, file, path }: Entry<FunctionSpec>): Diagnostic[] {
  const image = fn.image!;
  const short = fn.image!.dockerfile === DEFAULT_DOCKERFILE;
  // The short form points at the folder itself; the long form at its parts.
  const at = (part: 'context' | 'dockerfile') => ({
    file,
    path: short ? [...path, 'image'] : [...path, 'image', part],
  });
  const folder = join(spec.root, image.context);
  if (!isFolder(folder)) {
    return [
      error(
        'GEN366',
        `image folder ${image.context} of function '${name}' ${existsSync(folder) ? 'is a file, not a folder' : 'does not exist'}`,
        at('context'),
        `create the folder ${image.context} with a Dockerfile in it (FROM public.ecr.aws/lambda/python:3.12, COPY your code, CMD ["app.handler"]), or fix the path`,
      ),
    ];
  }
  if (outsideProject(spec.root, image.context)) {
    return [
      error(
        'GEN368',
        `image folder ${image.context} is a symbolic link to a folder outside the project: a checkout elsewhere (CI, a colleague) would not have it`,
        at('context'),
        `move the folder into the project (or link to a folder inside it)`,
      ),
    ];
  }
  const dockerfile = join(folder, image.dockerfile);
  if (
    !existsSync(dockerfile) ||
    !statSync(dockerfile).isFile() ||
    outsideProject(spec.root, join(image.context, image.dockerfile))
  ) {
    return [
      error(
        'GEN367',
        `image folder ${image.context} has no ${image.dockerfile}: docker build needs it to build function '${name}'`,
        at('dockerfile'),
        short
          ? `add ${image.context}/Dockerfile, or write image: {context: ${image.context}, dockerfile: <its name>} if it has another name`
          : `add ${image.context}/${image.dockerfile}, or name the Dockerfile that is there`,
      ),
    ];
  }
  const runs = instructions(readFileSync(dockerfile, 'utf8')).some((line) => /^(CMD|ENTRYPOINT)\s/i.test(line));
  const fromLambdaBase = instructions(readFileSync(dockerfile, 'utf8')).some((line) =>
    /^FROM\s+(--\S+\s+)*public\.ecr\.aws\/lambda\//i.test(line),
  );
  if (runs || !fromLambdaBase) return [];
  // AWS's Lambda base images set the entry point but no handler: without CMD the function cannot start.
  return [
    warning(
      'GEN369',
      `${image.context}/${image.dockerfile} starts from an AWS Lambda base image but sets no CMD: Lambda would not know which handler to run`,
      at('dockerfile'),
      'end the Dockerfile with the handler to run, for example CMD ["app.handler"] (module app, function handler)',
    ),
  ];
}
