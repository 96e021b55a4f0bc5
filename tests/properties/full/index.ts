/**
 * Random valid projects that use every field of every section on main (the coverage test,
 * tests/properties/coverage.test.ts, fails when a field is never produced): a spec, the
 * environment it is built for, and the files it needs (a Python handler, a body schema file).
 */
import fc from 'fast-check';
import { LOG_RETENTION_DAYS } from '../../../generator/environment/schema.js';
import { table } from '../arbitraries.js';
import { environment as baseEnvironment, names } from '../arbitraries.js';
import { alarms, maxEvaluationPeriods } from './alarms.js';
import { api, BODY_SCHEMA, BODY_SCHEMA_FILE, routes } from './api.js';
import { buckets } from './buckets.js';
import { withCache } from './cache.js';
import { compact, type Names, opt } from './common.js';
import { withEdge } from './edge.js';
import { events, schedules } from './events.js';
import { functions, IMAGE_FILES, PYTHON_HANDLER, PYTHON_SOURCE } from './functions.js';
import { queues, topics } from './messaging.js';
import { network, networkSettings } from './network.js';
import { backup, backupSettings, budget, timeseries } from './operations.js';
import { resources } from './resources.js';
import { DEFAULT_KEY, keys, secrets } from './security.js';
import { workflows } from './workflows.js';

export interface FullProject {
  spec: Record<string, unknown>;
  /** Project files besides spec/app.yaml, by path from the project root. */
  files: Record<string, string>;
}

/** A table whose string sort key is written in the long form more often ({name, type: string}: a rarer schema item). */
const fullTable = table.chain((t: Record<string, unknown>) =>
  typeof t.sortKey === 'string'
    ? fc.boolean().map((long) => (long ? { ...t, sortKey: { name: t.sortKey, type: 'string' } } : t))
    : fc.constant(t),
);

/** Names by kind, each kind with its own prefix so no two items of different kinds share a name. */
const projectNames: fc.Arbitrary<Names> = fc
  .record({
    tables: names(2, 1),
    queues: names(1, 1),
    fifoQueues: names(1),
    topics: names(1),
    fifoTopics: names(1),
    buckets: names(1, 1),
    buses: names(1),
    defaultBus: fc.boolean(),
    rules: names(2, 1),
    schedules: names(1),
    nodeFunctions: names(2, 1),
    pythonFunctions: names(1),
    imageFunctions: names(1),
    workflows: names(2, 1),
    secrets: names(2),
    network: fc.boolean(),
    keys: names(1),
    timeseries: names(1, 1),
  })
  .map(({ defaultBus, network: hasNetwork, ...n }) => {
    const prefixed = (prefix: string, list: string[]) =>
      list.filter((x) => !x.includes('dlq')).map((x) => `${prefix}-${x}`);
    return {
      tables: prefixed('t', n.tables),
      queues: prefixed('q', n.queues).length ? prefixed('q', n.queues) : ['q-main'],
      fifoQueues: prefixed('qf', n.fifoQueues),
      topics: prefixed('tp', n.topics),
      fifoTopics: prefixed('tf', n.fifoTopics),
      buckets: prefixed('bk', n.buckets),
      buses: [...(defaultBus ? ['default'] : []), ...prefixed('bus', n.buses.length ? n.buses : ['main'])],
      rules: prefixed('r', n.rules),
      schedules: prefixed('s', n.schedules),
      nodeFunctions: prefixed('fn', n.nodeFunctions),
      pythonFunctions: prefixed('py', n.pythonFunctions),
      imageFunctions: prefixed('img', n.imageFunctions),
      keys: [DEFAULT_KEY, ...prefixed('k', n.keys)],
      // A secret name ending in a dash and six characters draws a warning (GEN363): not asked for here.
      secrets: prefixed('sc', n.secrets).filter((s) => !/-[a-z0-9]{6}$/.test(s)),
      // The first is the short-form workflow, a second one is written in a definition file.
      workflows: prefixed('wf', n.workflows).length ? prefixed('wf', n.workflows) : ['wf-main'],
      network: hasNetwork,
      timeseries: prefixed('ts', n.timeseries).length ? prefixed('ts', n.timeseries) : ['ts-main'],
    };
  });

export const fullSpec: fc.Arbitrary<FullProject> = projectNames.chain((n) =>
  fc
    .record({
      description: opt(fc.constantFrom('Random project', 'Lending: books & members')),
      tables: fc.tuple(...n.tables.map(() => fullTable)),
      queues: queues(n),
      topics: topics(n),
      buckets: buckets(n),
      events: events(n),
      schedules: schedules(n),
      functions: functions(n),
      api,
      routes: routes(n),
      dashboard: opt(fc.boolean()),
      resources: resources(n.network),
      network: n.network ? network : fc.constant(undefined),
      keys: keys(n),
      secrets: secrets(n),
      workflows: workflows(n),
      backup: opt(backup(n)),
      budget,
      timeseries: timeseries(n),
    })
    .chain((s) =>
      alarms(n, Object.keys(s.routes).length > 0, s.events !== undefined && n.rules.length > 0).map((alarmDefs) => {
        const spec = compact({
          project: compact({ name: 'prop', owner: 'owners', costCenter: 'cc-1', description: s.description }),
          ...s,
          description: undefined,
          tables: Object.fromEntries(n.tables.map((t, i) => [t, s.tables[i]])),
          secrets: n.secrets.length ? s.secrets : undefined,
          workflows: s.workflows.workflows,
          alarms: alarmDefs,
        });
        return {
          spec,
          files: {
            [PYTHON_HANDLER]: PYTHON_SOURCE,
            ...IMAGE_FILES,
            [`spec/${BODY_SCHEMA_FILE}`]: JSON.stringify(BODY_SCHEMA),
            ...s.workflows.files,
          },
        };
      }),
    ),
);

/** An environment file with every field (the shared generator, plus what it leaves out). */
export const fullEnvironment = fc.boolean().chain((isProtected) =>
  fc
    .record({
      base: baseEnvironment(isProtected),
      account: opt(fc.constant('123456789012')),
      periodSeconds: fc.constantFrom(10, 30, 60, 300, 900, 3600),
      evaluationPeriods: fc.integer({ min: 1, max: 100 }),
      cache: fc.record({ nodes: fc.integer({ min: 1, max: 6 }), multiAz: fc.boolean() }),
      memoryRetentionHours: fc.integer({ min: 1, max: 8766 }),
      engine: fc.constantFrom('none', 'liveanalytics'),
      audit: fc.record({ logRetentionDays: fc.integer({ min: 1, max: 36500 }) }),
      budget: fc.record({ monthlyAmount: fc.integer({ min: 1, max: 100000000 }) }),
      backup: backupSettings,
      network: fc
        .constantFrom('eu-central-1', 'us-east-1', 'eu-west-2')
        .chain((region) => networkSettings(region).map((settings) => ({ region, settings }))),
    })
    .map(({ base, periodSeconds, evaluationPeriods, memoryRetentionHours, engine, network: net, ...e }) =>
      compact({
        ...base,
        region: net.region,
        account: e.account,
        alarms: { periodSeconds, evaluationPeriods: Math.min(evaluationPeriods, maxEvaluationPeriods(periodSeconds)) },
        cache: { ...base.cache, ...e.cache },
        timeseries: { ...base.timeseries, memoryRetentionHours, engine },
        audit: e.audit,
        budget: e.budget,
        backup: e.backup,
        network: net.settings,
      }),
    ),
);

type Environment = Record<string, any>;

/**
 * A spec and the environment it is built for, made to fit each other: the time-series databases
 * only where the account has the engine (AWS closed it to new customers: engine none refuses
 * them), public subnets only for a network with internet (gen warns they go unused otherwise),
 * a cache failing over only when it has a replica to fail over to (GEN389).
 */
export function fit([project, environment]: [FullProject, Environment]): [FullProject, Environment] {
  const spec = project.spec as Record<string, any>;
  const { timeseries: _dropped, ...withoutTimeseries } = spec;
  const network = environment.network;
  const { publicSubnets: _unused, ...privateOnly } = network ?? {};
  const fitted = spec.network?.internet === 'none' && network ? { ...environment, network: privateOnly } : environment;
  const lonely = spec.cache && environment.cache?.multiAz && environment.cache.nodes < 2;
  return [
    environment.timeseries?.engine === 'liveanalytics' ? project : { ...project, spec: withoutTimeseries },
    lonely ? { ...fitted, cache: { ...fitted.cache, multiAz: false } } : fitted,
  ];
}

/** Whole projects: a spec, its files and the environment it is built for. */
export const fullProject = fc
  .tuple(fullSpec, fullEnvironment)
  // The cache is drawn after the rest, so the rest of each sampled project is what it was before the cache was covered.
  .chain(([project, environment]) =>
    withCache(project).map((cached): [FullProject, Environment] => [cached, environment]),
  )
  // The edge after the cache, for the same reason.
  .chain(withEdge)
  .map(fit);

/**
 * The projects cfn-lint checks (tests/lint/cfn-lint.test.ts); the coverage test checks these same
 * ones. Log retention has 22 allowed values, more than 50 random picks reliably reach: the samples
 * take them in turn.
 */
export const linted = (count = 50, seed = 4242): [FullProject, object][] =>
  fc
    .sample(fullProject, { numRuns: count, seed })
    .map(([project, environment], i) => [
      project,
      { ...environment, logRetentionDays: LOG_RETENTION_DAYS[i % LOG_RETENTION_DAYS.length] },
    ]);
