/**
 * GEN-P13, design property 13. Why: a protected (production) environment that copies a setting from
 * test is usually a copy-paste mistake with a cost: the same CIDR blocks peering, the same domain
 * collides, test-sized caches, retention or throttling in production. Each listed setting must
 * differ between every protected and every unprotected environment, when something the spec
 * builds uses it: a setting no compiled resource reads (the cache size of a project without a
 * cache section) cannot be a mistake that costs anything, so it is not compared.
 */
import type { Environment } from '../../environment/model.js';
import { BUILTIN } from '../../sections/index.js';
import { itemsOf, singleOf, type Registry } from '../../sections/section.js';
import type { Spec } from '../../spec.js';
import type { ProjectRule } from '../rule.js';

/** Whether the spec builds anything from one of these sections (a registered section with items). */
const builds = (spec: Spec | undefined, registry: Registry, ...keys: string[]) =>
  !spec ||
  keys.some((key) => {
    const section = registry.section(key);
    if (!section) return false;
    return section.kind === 'map' ? itemsOf(spec, key).items.length > 0 : singleOf(spec, key) !== undefined;
  });

/** Settings that must differ between a protected environment and an unprotected one, and the sections that read them. */
const DIFFERENTIATING: [string, (e: Environment) => unknown, string[]][] = [
  ['network.cidr', (e) => e.network.cidr, ['network']],
  ['cache.nodeType', (e) => e.cache.nodeType, ['cache']],
  ['logRetentionDays', (e) => e.logRetentionDays, ['functions', 'routes']],
  ['tables.billing', (e) => e.tables.billing, ['tables']],
  // The edge names its zone, certificates, distribution and API domain after them.
  ['domain.name', (e) => e.domain?.name, ['edge']],
  ['domain.api', (e) => e.domain?.api, ['edge']],
  ['api.throttle.rate', (e) => e.api.throttle.rate, ['routes']],
  ['timeseries.magneticRetentionDays', (e) => e.timeseries.magneticRetentionDays, ['timeseries']],
  ['backup.retentionDays', (e) => e.backup?.retentionDays, ['backup']],
  ['budget.monthlyAmount', (e) => e.budget?.monthlyAmount, ['budget']],
];

export const environmentDifferentiation: ProjectRule = {
  id: 'GEN-P13',
  name: 'environment-differentiation',
  property: 13,
  scope: 'project',
  title: 'Environment configuration differentiation',
  description: `A protected environment differs from every unprotected one in ${DIFFERENTIATING.map(([k]) => k).join(', ')}.`,
  fix: 'give production its own value (a copy of test settings in production is usually a mistake)',
  check: ({ spec, environments, registry = BUILTIN }) =>
    environments
      .filter((p) => p.protected)
      .flatMap((prod) =>
        environments
          .filter((e) => !e.protected)
          .flatMap((other) =>
            DIFFERENTIATING.filter(
              ([, get, readers]) =>
                builds(spec, registry, ...readers) && JSON.stringify(get(prod)) === JSON.stringify(get(other)),
            ).map(([key, get]) => ({
              resource: prod.file,
              message: `${key} is ${JSON.stringify(get(prod))}, the same as in ${other.name}`,
              location: { file: prod.file, path: key.split('.') },
            })),
          ),
      ),
};
