/**
 * Property 13 (environment configuration differentiation) on real resources: one project that
 * uses every differentiating setting (network, cache, log retention, table billing, API throttling,
 * backup retention, budget, the edge's domain names), built for a random test and a random production environment. For each
 * setting, each environment's compiled resource carries that environment's value, and GEN-P13
 * reports the setting exactly when the two environments' resources carry the same value.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveEnvironment } from '../../generator/environment/resolve.js';
import { build, readSpec } from '../../generator/pipeline/build.js';
import { ALL_RULES } from '../../generator/rules/index.js';
import type { ProjectRule } from '../../generator/rules/project-rules.js';
import type { CfnTemplate } from '../../generator/rules/rule.js';
import { BUILTIN } from '../../generator/sections/index.js';
import { environment, SEED } from './arbitraries.js';
import { writeProject } from './project.js';

const SPEC = `
network: {}
keys: { secrets: {} }
cache: {}
tables:
  orders: { partitionKey: id }
functions:
  api: { handler: handlers/orders.handler, tables: { orders: read }, cache: true }
routes:
  GET /orders: api
backup: { tables: all }
budget: {}
buckets:
  web: {}
# Existing zones: a created one would need domain.api inside domain.name (GEN404), which random pairs are not.
edge:
  zone: { test: Z0TEST, production: Z0PRODUCTION }
  site: { bucket: web }
  api: true
`;

type Resources = [string, { Type: string; Properties?: any }][];
const ofType = (resources: Resources, type: string) => resources.filter(([, r]) => r.Type === type).map(([, r]) => r);
/** The one name every listed place carries, or all of them when they disagree (which fails the comparison). */
const oneName = (...places: unknown[]) => (new Set(places).size === 1 ? places[0] : places);
const byId = (resources: Resources, id: string) => resources.find(([logicalId]) => logicalId === id)![1].Properties;

/** Each setting: where the environment file holds it, and where the compiled resources carry it. */
const SETTINGS: [string, (e: any) => unknown, (r: Resources) => unknown][] = [
  ['network.cidr', (e) => e.network.cidr, (r) => ofType(r, 'AWS::EC2::VPC')[0].Properties.CidrBlock],
  [
    'cache.nodeType',
    (e) => e.cache.nodeType,
    (r) => ofType(r, 'AWS::ElastiCache::ReplicationGroup')[0].Properties.CacheNodeType,
  ],
  [
    'logRetentionDays',
    (e) => e.logRetentionDays,
    (r) =>
      ofType(r, 'AWS::Logs::LogGroup').find((g) => String(g.Properties.LogGroupName).startsWith('/aws/lambda/'))
        ?.Properties.RetentionInDays,
  ],
  [
    'tables.billing',
    (e) => (e.tables.billing === 'provisioned' ? 'PROVISIONED' : 'PAY_PER_REQUEST'),
    (r) => ofType(r, 'AWS::DynamoDB::Table')[0].Properties.BillingMode,
  ],
  [
    'api.throttle.rate',
    (e) => e.api.throttle.rate,
    (r) => ofType(r, 'AWS::ApiGateway::Stage')[0].Properties.MethodSettings[0].ThrottlingRateLimit,
  ],
  [
    'backup.retentionDays',
    (e) => e.backup.retentionDays,
    (r) => ofType(r, 'AWS::Backup::BackupPlan')[0].Properties.BackupPlan.BackupPlanRule[0].Lifecycle.DeleteAfterDays,
  ],
  [
    'domain.name',
    (e) => e.domain.name,
    (r) =>
      oneName(
        byId(r, 'SiteCertificate').DomainName,
        ...byId(r, 'SiteDistribution').DistributionConfig.Aliases,
        byId(r, 'SiteARecord').Name,
        byId(r, 'SiteAaaaRecord').Name,
      ),
  ],
  [
    'domain.api',
    (e) => e.domain.api,
    (r) =>
      oneName(byId(r, 'ApiCertificate').DomainName, byId(r, 'ApiDomainName').DomainName, byId(r, 'ApiARecord').Name),
  ],
  [
    'budget.monthlyAmount',
    (e) => e.budget.monthlyAmount,
    (r) => ofType(r, 'AWS::Budgets::Budget')[0].Properties.Budget.BudgetLimit.Amount,
  ],
];

const differentiation = ALL_RULES.find((r) => r.id === 'GEN-P13') as ProjectRule;

describe('Property 13 on real resources', () => {
  it('each environment builds its own values, and GEN-P13 flags a setting exactly when both build the same', () =>
    fc.assert(
      fc.property(
        environment(false),
        environment(true),
        fc.subarray(SETTINGS.map(([k]) => k)),
        (test, prod, copied) => {
          // Some pairs copy test's value into production: the mistake the rule is for.
          const production: any = structuredClone(prod);
          for (const key of copied) {
            const path = key.split('.');
            const last = path.pop()!;
            path.reduce((o: any, k) => o[k], production)[last] = path.reduce((o: any, k) => o[k], test as any)[last];
          }
          const dir = writeProject({ project: { name: 'p', owner: 'o', costCenter: 'c' } } as never, {
            test,
            production,
          });
          try {
            writeFileSync(join(dir, 'spec/app.yaml'), SPEC);
            const paths = { root: dir, specDir: join(dir, 'spec') };
            const resources = (env: string): Resources => {
              const result = build(paths, env);
              expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
              return (result.stacks ?? []).flatMap((s) =>
                Object.entries((JSON.parse(s.body) as CfnTemplate).Resources),
              );
            };
            const built = { test: resources('test'), production: resources('production') };
            const environments = ['test', 'production'].map(
              (n) => resolveEnvironment(n, join(dir, 'environments'), dir, BUILTIN.schemas).env!,
            );
            const flagged = differentiation
              .check({ spec: readSpec(paths).spec!, environments })
              .map((v) => v.message.split(' ')[0]);
            for (const [key, setting, carried] of SETTINGS) {
              expect(carried(built.test), `test ${key}`).toEqual(setting(test));
              expect(carried(built.production), `production ${key}`).toEqual(setting(production));
              const same = JSON.stringify(carried(built.test)) === JSON.stringify(carried(built.production));
              expect(flagged.includes(key), `${key} flagged`).toBe(same);
            }
          } finally {
            rmSync(dir, { recursive: true, force: true });
          }
        },
      ),
      { numRuns: 100, seed: SEED },
    ));
});
