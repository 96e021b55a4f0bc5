/**
 * The edge with every field: the hosted zone (create, or per environment create or an existing
 * zone id), a site on the project's bucket (root object, cache by path pattern, access logs to a
 * bucket of its own), the API's domain when there are routes, and the firewall with every option
 * in both forms; with the test environment's domain names fitting it (GEN403-GEN405).
 */
import fc from 'fast-check';
import { compact, opt, perEnvironment } from './common.js';

/** Route 53 hosted zone ids of the form AWS gives them (an existing zone: no zone resource, its records only). */
const ZONE_IDS = ['Z0123456789ABCDEFGHIJ', 'Z2FDTNDATAQYW2'];
const zoneChoice = fc.constantFrom('create', ...ZONE_IDS);
const zone = fc.oneof(fc.constant('create'), fc.record({ production: zoneChoice, test: zoneChoice }));

/** Every unit, singular and plural, and none (AWS's CachingDisabled). */
const duration = fc.constantFrom(
  'none',
  '30 seconds',
  '1 minute',
  '5 minutes',
  '1 hour',
  '12 hours',
  '1 day',
  '30 days',
  '1 year',
  '2 years',
);
const PATHS = ['/assets/*', '*.js', '/img/*.png', '/docs/v1~/index.html'];
const cache = fc
  .record({
    paths: fc.subarray(PATHS),
    durations: fc.array(duration, { minLength: PATHS.length + 1, maxLength: PATHS.length + 1 }),
    withDefault: fc.boolean(),
  })
  .map(({ paths, durations, withDefault }) => ({
    ...Object.fromEntries(paths.map((path, i) => [path, durations[i]])),
    ...(withDefault || paths.length === 0 ? { default: durations[PATHS.length] } : {}),
  }));

/** The bucket the access logs go to: one of its own, not the site's (GEN392). */
export const LOGS_BUCKET = 'edge-logs';

const site = (bucket: string) =>
  fc
    .record({
      bucket: fc.constant(bucket),
      rootObject: opt(fc.constantFrom('index.html', 'app/main.html')),
      cache: opt(cache),
      logs: opt(fc.constant(LOGS_BUCKET)),
    })
    .map(compact);

/** Every rule group, the switches in both forms; a web ACL without managed rules gets a rate limit (GEN399). */
const firewall = fc
  .record({
    // Each group on its own coin (a subarray draw favours short lists: known-bad-inputs went unseen).
    managedRules: opt(
      fc
        .tuple(fc.boolean(), fc.boolean(), fc.boolean())
        .map((on) => ['common', 'known-bad-inputs', 'ip-reputation'].filter((_, i) => on[i])),
    ),
    sqlInjection: opt(perEnvironment(fc.boolean(), false)),
    xss: opt(perEnvironment(fc.boolean(), false)),
    rateLimit: opt(fc.integer({ min: 100, max: 100_000 })),
    logs: opt(fc.boolean()),
  })
  .chain((f) =>
    f.managedRules?.length === 0 && f.rateLimit === undefined
      ? fc.integer({ min: 100, max: 100_000 }).map((rateLimit) => compact({ ...f, rateLimit }))
      : fc.constant(compact(f)),
  );

/** The test environment's names: the API inside the zone when gen creates it (GEN404), never the site's name (GEN405). */
const domain = (created: boolean) =>
  fc
    .constantFrom('example.com', 'shop.example.com', 'a-1.example.org')
    .chain((name) =>
      fc
        .constantFrom(`api.${name}`, `v1.api.${name}`, ...(created ? [] : ['api.example.net']))
        .map((api) => ({ name, api })),
    );

type Spec = Record<string, any>;

/**
 * About one project in five gets an edge (~10 of the 50 linted ones: each adds 10-30 resources for
 * cfn-lint). Applied to a finished project and environment, so it draws after everything else.
 */
export const withEdge = <P extends { spec: object }, E extends object>([project, environment]: [P, E]): fc.Arbitrary<
  [P, E]
> => {
  const spec = project.spec as Spec;
  const bucket = Object.keys(spec.buckets ?? {})[0];
  const hasRoutes = Object.keys(spec.routes ?? {}).length > 0;
  const edge = fc
    .record({
      zone,
      site: bucket ? opt(site(bucket)) : fc.constant(undefined),
      api: hasRoutes ? opt(fc.boolean()) : fc.constant(undefined),
      firewall,
      // An escape-hatch resource in one of the edge's stacks (the layers exist only with an edge).
      layer: fc.constantFrom('edge', 'edge-global'),
    })
    .chain(({ layer, ...e }) => {
      const created = e.zone === 'create' || e.zone.test === 'create';
      // A firewall protects a site or the API (GEN396): it is kept only when there is one.
      const guarded = e.site !== undefined || e.api === true;
      return domain(created).map((names) => ({
        edge: compact({ ...e, firewall: guarded ? e.firewall : undefined }),
        names,
        extra: {
          layer,
          type: 'AWS::SSM::Parameter',
          properties: { Type: 'String', Value: 'edge', Description: 'beside the edge' },
        },
      }));
    });
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: 4 }, { arbitrary: edge, weight: 1 }).map((drawn) => {
    if (!drawn) return [project, environment];
    const logs = (drawn.edge.site as Spec | undefined)?.logs !== undefined;
    const buckets = logs ? { ...spec.buckets, [LOGS_BUCKET]: {} } : spec.buckets;
    return [
      {
        ...project,
        spec: { ...spec, buckets, edge: drawn.edge, resources: { ...spec.resources, EdgeExtra: drawn.extra } },
      },
      { ...environment, domain: drawn.names },
    ];
  });
};
