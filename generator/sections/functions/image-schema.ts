/** The schema of `functions.<name>.image`, and the rule that a function has a handler or an image, not both. */
import type { JsonSchema } from '../../schema/json-schema.js';

const FOLDER = {
  type: 'string',
  pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9_.][A-Za-z0-9_./-]*$',
  hint: 'write a folder of the project relative to its root, for example handlers/validation (no leading / and no ..)',
};

export const imageSchema: JsonSchema = {
  description:
    'Run a container image instead of a handler: the folder holding its Dockerfile (the build context), or {context, dockerfile}. gen deploy builds it with Docker for the architecture and pushes it to an ECR repository named like the function; the tag is a hash of the folder, so only changed images are pushed. Excludes handler and runtime.',
  if: { type: 'object' },
  then: {
    type: 'object',
    additionalProperties: false,
    required: ['context'],
    properties: {
      context: {
        ...FOLDER,
        description: 'Folder sent to docker build (the build context).',
        examples: ['handlers/fraud'],
      },
      dockerfile: {
        type: 'string',
        pattern: '^(?!/)(?!.*(^|/)\\.\\.(/|$))[A-Za-z0-9_.][A-Za-z0-9_./-]*$',
        hint: 'write a file inside the context folder, for example Dockerfile.lambda',
        description: 'The Dockerfile, relative to the context. Default: Dockerfile.',
        examples: ['Dockerfile.lambda'],
      },
    },
  },
  else: FOLDER,
  examples: ['handlers/validation'],
};

/** Keys a container-image function cannot have, with why: the image decides what they would. */
const NOT_WITH_IMAGE: Record<string, { description: string; hint: string }> = {
  handler: {
    description: 'cannot be used with image: the image says what to run',
    hint: 'remove handler: an image function runs the CMD of its Dockerfile (write the handler there, for example CMD ["app.handler"])',
  },
  runtime: {
    description: "cannot be used with image: the image's base image is its runtime",
    hint: 'remove runtime: choose it in the Dockerfile instead (FROM public.ecr.aws/lambda/python:3.12, for example)',
  },
};

/** With `image`: no handler or runtime (GEN365 at the key written); without: a handler is required. */
export const handlerOrImage: JsonSchema = {
  if: { type: 'object', required: ['image'] },
  then: {
    properties: Object.fromEntries(Object.entries(NOT_WITH_IMAGE).map(([key, why]) => [key, { not: {}, ...why }])),
  },
  // The annotations make the missing-handler error name both ways out.
  else: {
    required: ['handler'],
    properties: {
      handler: {
        description: 'code to run, handlers/<file>.<function>; or, instead, image: <folder with a Dockerfile>',
        examples: ['handlers/orders.handler'],
      },
    },
  },
};
