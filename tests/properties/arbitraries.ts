/**
 * fast-check arbitraries for valid gen projects: specs (tables with random keys and indexes,
 * functions with random tables and settings, routes, alarms) and environments.
 */
import fc from 'fast-check';
import { pascal } from '../../generator/naming/ids.js';
import { LOG_RETENTION_DAYS } from '../../generator/environment/schema.js';

/** The fixed seed of every fast-check run (FC_SEED replays another). */
export const SEED = Number(process.env.FC_SEED ?? 20261123);

const kebab = fc.stringMatching(/^[a-z][a-z0-9]{0,5}(-[a-z][a-z0-9]{0,3}){0,2}$/);
/** Distinct names whose logical IDs are distinct too (a-b and ab would collide, by design an error). */
export const names = (max: number, min = 0) =>
  fc.uniqueArray(kebab, { minLength: min, maxLength: max, selector: (n) => pascal(n) });

const attribute = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,7}$/);
// Built once here, not inside the chains that use them: making a stringMatching arbitrary costs
// ~17 ms (fast-check compiles the regex into arbitraries), which inside a chain is paid per value.
const indexName = fc.stringMatching(/^[a-z][a-z0-9-]{2,10}$/);
const variableName = fc.stringMatching(/^V[A-Z0-9_]{1,6}$/);
const pathSegment = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);
const keyType = fc.constantFrom('string', 'number', 'binary');

export interface GenSpec {
  project: object;
  tables: Record<string, any>;
  functions: Record<string, any>;
  routes: Record<string, any>;
  alarms: Record<string, any>;
  keys?: Record<string, any>;
  secrets?: Record<string, any>;
  resources?: Record<string, any>;
  network?: { internet: string; endpoints: string[] };
  buckets?: Record<string, any>;
  topics?: Record<string, any>;
}

/** One table: an attribute pool with one type each (string keys in either form), so keys never conflict. */
export const table = fc
  .uniqueArray(fc.tuple(attribute, keyType, fc.boolean()), { minLength: 2, maxLength: 6, selector: ([n]) => n })
  .chain((pool) =>
    fc
      .record({
        sort: fc.boolean(),
        indexes: fc.uniqueArray(
          fc.record({
            name: indexName,
            pk: fc.nat(pool.length - 1),
            sk: fc.option(fc.nat(pool.length - 1), { nil: undefined }),
          }),
          { maxLength: 3, selector: (i) => i.name },
        ),
        ttl: fc.boolean(),
      })
      .map(({ sort, indexes, ttl }) => {
        const key = ([name, type, long]: [string, string, boolean]) =>
          type === 'string' && !long ? name : { name, type };
        return {
          partitionKey: key(pool[0]),
          ...(sort ? { sortKey: key(pool[1]) } : {}),
          ...(indexes.length
            ? {
                indexes: Object.fromEntries(
                  indexes.map((i) => [
                    i.name,
                    {
                      partitionKey: key(pool[i.pk]),
                      ...(i.sk !== undefined && i.sk !== i.pk ? { sortKey: key(pool[i.sk]) } : {}),
                    },
                  ]),
                ),
              }
            : {}),
          ...(ttl ? { ttl: 'expiresAtX' } : {}),
        };
      }),
  );

const fnSettings = (tableNames: string[]) =>
  fc
    .record({
      memory: fc.option(fc.integer({ min: 128, max: 10240 }), { nil: undefined }),
      timeout: fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }),
      runtime: fc.constantFrom('nodejs22.x', 'nodejs24.x'),
      architecture: fc.constantFrom('arm64', 'x86_64'),
      concurrency: fc.option(
        fc
          .integer({ min: 1, max: 50 })
          .chain((reserved) =>
            fc.tuple(fc.constant(reserved), fc.option(fc.integer({ min: 1, max: reserved }), { nil: undefined })),
          ),
        { nil: undefined },
      ),
      environment: fc.dictionary(variableName, fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean()), {
        maxKeys: 3,
      }),
      tables: fc
        .subarray(tableNames)
        .chain((used) =>
          fc.tuple(...used.map((t) => fc.tuple(fc.constant(t), fc.constantFrom('read', 'write', 'read-write')))),
        ),
    })
    .map((s) => ({
      handler: 'handlers/orders.handler',
      ...(s.memory !== undefined ? { memory: s.memory } : {}),
      ...(s.timeout !== undefined ? { timeout: s.timeout } : {}),
      runtime: s.runtime,
      architecture: s.architecture,
      ...(s.concurrency
        ? {
            reservedConcurrency: s.concurrency[0],
            ...(s.concurrency[1] ? { provisionedConcurrency: s.concurrency[1] } : {}),
          }
        : {}),
      ...(Object.keys(s.environment).length ? { environment: s.environment } : {}),
      ...(s.tables.length ? { tables: Object.fromEntries(s.tables) } : {}),
    }));

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const routes = (functions: string[]) =>
  functions.length === 0
    ? fc.constant({})
    : fc
        .uniqueArray(
          fc.record({
            method: fc.constantFrom(...METHODS),
            segment: pathSegment,
            byId: fc.boolean(),
            fn: fc.constantFrom(...functions),
            body: fc.boolean(),
            query: fc.boolean(),
          }),
          { maxLength: 8, selector: (r) => `${r.method} /${r.segment}${r.byId ? '/{id}' : ''}` },
        )
        .map((list) =>
          Object.fromEntries(
            list.map((r) => {
              const withBody = r.body && ['POST', 'PUT', 'PATCH'].includes(r.method);
              const value =
                withBody || r.query
                  ? {
                      function: r.fn,
                      ...(withBody ? { body: { type: 'object', required: ['id'] } } : {}),
                      ...(r.query ? { query: { limit: 'optional', tenant: 'required' } } : {}),
                    }
                  : r.fn;
              return [`${r.method} /${r.segment}${r.byId ? '/{id}' : ''}`, value];
            }),
          ),
        );

const threshold = fc.oneof(
  fc.integer({ min: 0, max: 1000 }),
  fc.record({ test: fc.integer({ min: 0, max: 100 }), production: fc.integer({ min: 0, max: 100 }) }),
);
const alarms = (tables: string[], functions: string[], hasRoutes: boolean) => {
  const kinds = [
    ...(functions.length ? ['function-error-rate', 'function-duration', 'function-throttles'] : []),
    ...(tables.length ? ['table-throttles'] : []),
    ...(hasRoutes ? ['api-5xx-rate', 'api-latency'] : []),
  ];
  if (kinds.length === 0) return fc.constant({});
  return fc
    .uniqueArray(
      fc.record({
        name: kebab,
        type: fc.constantFrom(...kinds),
        fn: fc.constantFrom(...(functions.length ? functions : ['x'])),
        table: fc.constantFrom(...(tables.length ? tables : ['x'])),
        threshold: fc.option(threshold, { nil: undefined }),
      }),
      { maxLength: 6, selector: (a) => pascal(a.name) },
    )
    .map((list) =>
      Object.fromEntries(
        list.map((a) => [
          a.name,
          {
            type: a.type,
            ...(a.type.startsWith('function')
              ? { function: a.fn }
              : a.type.startsWith('table')
                ? { table: a.table }
                : {}),
            ...(a.threshold !== undefined ? { threshold: a.threshold } : {}),
          },
        ]),
      ),
    );
};

/**
 * Keys (besides `secrets`, which the secrets need) and secrets, each secret on a random key, and
 * which secrets each function reads. `alarms` is left out: gen gives that alias to the alarm topic's key.
 */
const keysAndSecrets = (functions: string[]) =>
  fc
    .tuple(
      names(2).map((k) => k.filter((n) => n !== 'alarms' && n !== 'secrets')),
      names(3),
    )
    .chain(([keyNames, secretNames]) =>
      fc.record({
        keys: fc.constant(keyNames),
        secrets: fc.tuple(
          ...secretNames.map((n) =>
            fc.record({
              name: fc.constant(n),
              key: fc.option(fc.constantFrom('secrets', ...keyNames), { nil: undefined }),
              generate: fc.constantFrom(undefined, true, { field: 'password', template: { username: 'app' } }),
            }),
          ),
        ),
        reads: fc.tuple(...functions.map(() => fc.subarray(secretNames))),
      }),
    );

/** Half the specs have a private network (internet or not, some endpoints); a few functions stay out of it. */
const network = (functions: string[]) =>
  fc.option(
    fc.record({
      network: fc.record({
        internet: fc.constantFrom('nat', 'none'),
        endpoints: fc.subarray(['dynamodb', 's3', 'sns', 'sqs', 'secretsmanager', 'logs', 'states']),
      }),
      outside: fc.subarray(functions, { maxLength: Math.min(1, functions.length) }),
    }),
    { nil: undefined },
  );

/**
 * Buckets (random lifecycle) and topics (random e-mail subscribers), and what each function does with
 * them (read, write or both; publish). A topic is never named `alarm`: its logical ID would be the alarm
 * topic's (gen refuses that as a duplicate logical ID).
 */
const storage = (functions: string[]) =>
  fc
    .tuple(
      names(2),
      names(2).map((t) => t.filter((n) => n !== 'alarm')),
    )
    .chain(([bucketNames, topicNames]) =>
      fc.record({
        buckets: fc.tuple(
          ...bucketNames.map(() =>
            fc.record(
              {
                expireAfterDays: fc.integer({ min: 1, max: 3650 }),
                noncurrentVersionsExpireAfterDays: fc.integer({ min: 1, max: 365 }),
              },
              { requiredKeys: [] },
            ),
          ),
        ),
        bucketNames: fc.constant(bucketNames),
        topics: fc.tuple(
          ...topicNames.map(() =>
            fc.option(fc.record({ email: fc.constant(['alerts@example.com']) }), { nil: undefined }),
          ),
        ),
        topicNames: fc.constant(topicNames),
        uses: fc.tuple(
          ...functions.map(() =>
            fc.record({
              buckets: fc
                .subarray(bucketNames)
                .chain((b) =>
                  fc.tuple(...b.map((n) => fc.tuple(fc.constant(n), fc.constantFrom('read', 'write', 'read-write')))),
                ),
              topics: fc.subarray(topicNames),
            }),
          ),
        ),
      }),
    );

export const spec: fc.Arbitrary<GenSpec> = fc.tuple(names(5), names(4)).chain(([tableNames, functionNames]) =>
  fc
    .tuple(
      fc.tuple(...tableNames.map(() => table)),
      fc.tuple(...functionNames.map(() => fnSettings(tableNames))),
      routes(functionNames),
    )
    .chain(([tableDefs, fnDefs, routeDefs]) =>
      fc
        .tuple(
          alarms(tableNames, functionNames, Object.keys(routeDefs).length > 0),
          keysAndSecrets(functionNames),
          network(functionNames),
          storage(functionNames),
        )
        .map(([alarmDefs, { keys, secrets, reads }, net, store]) => ({
          project: { name: 'prop', owner: 'owners', costCenter: 'cc-1' },
          tables: Object.fromEntries(tableNames.map((n, i) => [n, tableDefs[i]])),
          functions: Object.fromEntries(
            functionNames.map((n, i) => [
              n,
              {
                ...fnDefs[i],
                ...(reads[i].length > 0 ? { secrets: Object.fromEntries(reads[i].map((r) => [r, 'read'])) } : {}),
                ...(net?.outside.includes(n) ? { network: 'none' } : {}),
                ...(store.uses[i].buckets.length > 0 ? { buckets: Object.fromEntries(store.uses[i].buckets) } : {}),
                ...(store.uses[i].topics.length > 0
                  ? { topics: Object.fromEntries(store.uses[i].topics.map((t) => [t, 'publish'])) }
                  : {}),
              },
            ]),
          ),
          ...(net ? { network: net.network } : {}),
          ...(store.bucketNames.length > 0
            ? { buckets: Object.fromEntries(store.bucketNames.map((n, i) => [n, store.buckets[i]])) }
            : {}),
          ...(store.topicNames.length > 0
            ? {
                topics: Object.fromEntries(
                  store.topicNames.map((n, i) => [n, store.topics[i] ? { subscribers: store.topics[i] } : {}]),
                ),
              }
            : {}),
          routes: routeDefs,
          alarms: alarmDefs,
          ...(secrets.length > 0 || keys.length > 0
            ? {
                keys: Object.fromEntries([...(secrets.length > 0 ? ['secrets'] : []), ...keys].map((k) => [k, {}])),
                secrets: Object.fromEntries(
                  secrets.map(({ name, key, generate }) => [
                    name,
                    { ...(key ? { key } : {}), ...(generate !== undefined ? { generate } : {}) },
                  ]),
                ),
              }
            : {}),
        })),
    ),
);

export interface GenEnvironment {
  protected: boolean;
  logRetentionDays: number;
  tables: object;
  functions: object;
  api: object;
  network: object;
  cache: object;
  domain: object;
  timeseries: object;
  backup: object;
  budget: object;
}

export const environment = (isProtected: boolean): fc.Arbitrary<GenEnvironment> =>
  fc.record({
    protected: fc.constant(isProtected),
    logRetentionDays: fc.constantFrom(...LOG_RETENTION_DAYS),
    tables: fc.record({
      billing: fc.constantFrom('on-demand', 'provisioned'),
      capacity: fc.record({ read: fc.integer({ min: 1, max: 100 }), write: fc.integer({ min: 1, max: 100 }) }),
      autoscaling: fc.record({
        enabled: fc.boolean(),
        minCapacity: fc.integer({ min: 1, max: 10 }),
        maxCapacity: fc.integer({ min: 10, max: 1000 }),
        targetUtilization: fc.integer({ min: 20, max: 90 }),
      }),
    }),
    functions: fc.record({
      memory: fc.integer({ min: 128, max: 10240 }),
      timeout: fc.integer({ min: 1, max: 900 }),
      provisionedConcurrency: fc.boolean(),
    }),
    api: fc.record({
      throttle: fc.record({ rate: fc.integer({ min: 1, max: 100000 }), burst: fc.integer({ min: 1, max: 100000 }) }),
    }),
    network: fc.record({
      cidr: fc.constantFrom('10.0.0.0/16', '10.1.0.0/16', '10.2.0.0/16'),
      availabilityZones: fc.integer({ min: 1, max: 3 }),
      singleNatGateway: fc.boolean(),
    }),
    cache: fc.record({ nodeType: fc.constantFrom('cache.t3.micro', 'cache.r6g.large') }),
    domain: fc.record({
      name: fc.constantFrom('a.example.com', 'example.com'),
      api: fc.constantFrom('api.a.example.com', 'api.example.com'),
    }),
    timeseries: fc.record({ magneticRetentionDays: fc.constantFrom(30, 365) }),
    backup: fc.record({ retentionDays: fc.constantFrom(7, 35) }),
    budget: fc.record({ monthlyAmount: fc.constantFrom(500, 5000) }),
  });
