/**
 * Functions with every field: Node and Python runtimes (all but the retired python3.11), both
 * architectures, concurrency, per-environment variables, a dead-letter queue, and every kind of
 * item a function may use, in the short form, the long form with its own variable, and (tables)
 * the list of operations.
 */
import fc from 'fast-check';
import { compact, DEAD_LETTERS, type Names, opt, perEnvironment, some } from './common.js';

export const PYTHON_HANDLER = 'handlers/py/report.py';
export const PYTHON_SOURCE = 'def handler(event, context):\n    return {"statusCode": 200, "body": "{}"}\n';
/** The build context of every image function, with two Dockerfiles (the default name and another). */
export const IMAGE_FILES = {
  'handlers/img/app.py': PYTHON_SOURCE,
  'handlers/img/Dockerfile': 'FROM public.ecr.aws/lambda/python:3.13\nCOPY app.py ./\nCMD ["app.handler"]\n',
  'handlers/img/Dockerfile.lambda': 'FROM public.ecr.aws/lambda/python:3.12\nCOPY app.py ./\nCMD ["app.handler"]\n',
};
const image = fc.oneof(
  fc.constant('handlers/img'),
  fc
    .constantFrom(undefined, 'Dockerfile', 'Dockerfile.lambda')
    .map((dockerfile) => compact({ context: 'handlers/img', dockerfile })),
);

const OPERATIONS = [
  'BatchGetItem',
  'BatchWriteItem',
  'ConditionCheckItem',
  'DeleteItem',
  'DescribeTable',
  'GetItem',
  'PutItem',
  'Query',
  'Scan',
  'UpdateItem',
];

/** `{item: access}` for some of `items`; the long form names its own variable (unique: prefix + index). */
const uses = (items: string[], access: fc.Arbitrary<unknown>, prefix: string, min = 0) =>
  some(items, min).chain((picked) =>
    fc
      .tuple(...picked.map(() => fc.tuple(access, fc.boolean())))
      .map((list) =>
        picked.length === 0
          ? undefined
          : Object.fromEntries(
              picked.map((item, i) => [
                item,
                list[i][1] ? { access: list[i][0], variable: `${prefix}_${i}` } : list[i][0],
              ]),
            ),
      ),
  );

/** Built once (a stringMatching arbitrary costs ~17 ms to make; inside the per-project chain it was paid per value). */
const VARIABLE_NAME = fc.stringMatching(/^V[A-Z0-9_]{1,6}$/);
const scalar = fc.oneof(fc.constantFrom('on', 'x y', ''), fc.integer({ min: -5, max: 500 }), fc.boolean());

type Kind = 'node' | 'python' | 'image';
const HANDLERS = { node: 'handlers/orders.handler', python: 'handlers/py/report.handler' };

const fn = (n: Names, kind: Kind) =>
  fc
    .record({
      image: kind === 'image' ? image : fc.constant(undefined),
      memory: opt(fc.integer({ min: 128, max: 10240 })),
      timeout: opt(fc.integer({ min: 1, max: 900 })),
      runtime:
        kind === 'python'
          ? fc.constantFrom('python3.12', 'python3.13', 'python3.14')
          : kind === 'node'
            ? opt(fc.constantFrom('nodejs22.x', 'nodejs24.x'))
            : fc.constant(undefined),
      architecture: opt(fc.constantFrom('arm64', 'x86_64')),
      concurrency: opt(
        fc
          .integer({ min: 0, max: 50 })
          .chain((reserved) =>
            fc.tuple(
              fc.constant(reserved),
              reserved > 0 ? opt(fc.integer({ min: 1, max: reserved })) : fc.constant(undefined),
            ),
          ),
      ),
      environment: fc.dictionary(VARIABLE_NAME, perEnvironment(scalar), { maxKeys: 3 }),
      deadLetterQueue: opt(fc.constant(DEAD_LETTERS)),
      tables: uses(
        n.tables,
        fc.oneof(fc.constantFrom('read', 'write', 'read-write'), fc.subarray(OPERATIONS, { minLength: 1 })),
        'TBL',
        1,
      ),
      queues: uses([...n.queues, ...n.fifoQueues], fc.constantFrom('send', 'receive', 'send-receive'), 'QUE'),
      topics: uses([...n.topics, ...n.fifoTopics], fc.constant('publish'), 'TOP'),
      buckets: uses(n.buckets, fc.constantFrom('read', 'write', 'read-write'), 'BKT', 1),
      buses: uses(n.buses, fc.constant('publish'), 'BUS'),
      keys: uses(n.keys, fc.constantFrom('encrypt', 'decrypt', 'encrypt-decrypt'), 'KEY'),
      secrets: uses(n.secrets, fc.constant('read'), 'SEC'),
      workflows: uses(n.workflows, fc.constant('start'), 'WFL'),
      // Without a network, network: private is an error (GEN357); none warns (GEN-P4), as the property test expects.
      network: n.network ? opt(fc.constantFrom('private', 'none')) : fc.constant(undefined),
    })
    .map(({ concurrency, environment, ...f }) =>
      compact({
        // An image says what to run itself: no handler, no runtime.
        handler: kind === 'image' ? undefined : HANDLERS[kind],
        ...f,
        reservedConcurrency: concurrency?.[0],
        provisionedConcurrency: concurrency?.[1],
        environment: Object.keys(environment).length ? environment : undefined,
      }),
    );

export const functions = (n: Names) =>
  fc
    .tuple(
      fc.tuple(...n.nodeFunctions.map(() => fn(n, 'node'))),
      fc.tuple(...n.pythonFunctions.map(() => fn(n, 'python'))),
      fc.tuple(...n.imageFunctions.map(() => fn(n, 'image'))),
    )
    .map(([node, python, images]) => ({
      ...Object.fromEntries(n.nodeFunctions.map((f, i) => [f, node[i]])),
      ...Object.fromEntries(n.pythonFunctions.map((f, i) => [f, python[i]])),
      ...Object.fromEntries(n.imageFunctions.map((f, i) => [f, images[i]])),
    }));
