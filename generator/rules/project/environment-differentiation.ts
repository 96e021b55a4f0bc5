/**
 * GEN-P13, design property 13. Why: a protected (production) environment that copies a setting from
 * test is usually a copy-paste mistake with a cost: the same CIDR blocks peering, the same domain
 * collides, test-sized caches, retention or throttling in production. Each listed setting must
 * differ between every protected and every unprotected environment.
 */
import type { Environment } from '../../environment/model.js';
import type { ProjectRule } from '../rule.js';

/** Settings that must differ between a protected environment and an unprotected one. */
const DIFFERENTIATING: [string, (e: Environment) => unknown][] = [
  ['network.cidr', (e) => e.network.cidr],
  ['cache.nodeType', (e) => e.cache.nodeType],
  ['logRetentionDays', (e) => e.logRetentionDays],
  ['tables.billing', (e) => e.tables.billing],
  ['domain.name', (e) => e.domain.name],
  ['domain.api', (e) => e.domain.api],
  ['api.throttle.rate', (e) => e.api.throttle.rate],
  ['timeseries.magneticRetentionDays', (e) => e.timeseries.magneticRetentionDays],
];

export const environmentDifferentiation: ProjectRule = {
  id: 'GEN-P13',
  name: 'environment-differentiation',
  property: 13,
  scope: 'project',
  title: 'Environment configuration differentiation',
  description: `A protected environment differs from every unprotected one in ${DIFFERENTIATING.map(([k]) => k).join(', ')}.`,
  fix: 'give production its own value (a copy of test settings in production is usually a mistake)',
  check: ({ environments }) =>
    environments
      .filter((p) => p.protected)
      .flatMap((prod) =>
        environments
          .filter((e) => !e.protected)
          .flatMap((other) =>
            DIFFERENTIATING.filter(([, get]) => JSON.stringify(get(prod)) === JSON.stringify(get(other))).map(
              ([key, get]) => ({
                resource: prod.file,
                message: `${key} is ${JSON.stringify(get(prod))}, the same as in ${other.name}`,
              }),
            ),
          ),
      ),
};
