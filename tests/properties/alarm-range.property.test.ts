/**
 * CloudWatch refuses an alarm that looks back more than a day (periods under an hour) or seven
 * days (an hour or more), a limit cfn-lint does not know: gen builds an alarm exactly when its
 * period × evaluation periods, its own or the environment's, are within it. 100 runs, fixed seed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { compileYaml, PROJECT } from '../helpers/compile-yaml.js';
import { SEED } from './arbitraries.js';

const PERIODS = [10, 30, 60, 300, 900, 3600, 21600, 86400];
const ENVIRONMENT_PERIODS = [10, 30, 60, 300, 900, 3600];

describe('alarm evaluation range on random settings', () => {
  it('builds exactly the alarms CloudWatch accepts', () => {
    fc.assert(
      fc.property(
        fc.record({
          period: fc.option(fc.constantFrom(...PERIODS), { nil: undefined }),
          evaluationPeriods: fc.option(fc.integer({ min: 1, max: 100 }), { nil: undefined }),
          environmentPeriod: fc.constantFrom(...ENVIRONMENT_PERIODS),
          environmentEvaluationPeriods: fc.integer({ min: 1, max: 100 }),
        }),
        (a) => {
          const alarm = {
            type: 'function-errors',
            function: 'orders',
            period: a.period,
            evaluationPeriods: a.evaluationPeriods,
          };
          const spec = stringify({
            functions: { orders: { handler: 'handlers/orders.handler' } },
            alarms: { 'orders-errors': JSON.parse(JSON.stringify(alarm)) },
          });
          const environment = stringify({
            region: 'eu-central-1',
            alarms: { periodSeconds: a.environmentPeriod, evaluationPeriods: a.environmentEvaluationPeriods },
          });
          const built = compileYaml(`${PROJECT}\n${spec}`, 'test', { test: environment });
          const period = a.period ?? a.environmentPeriod;
          const periods = a.evaluationPeriods ?? a.environmentEvaluationPeriods;
          const accepted = period * periods <= (period < 3600 ? 86400 : 604800);
          expect(built.stacks !== undefined, JSON.stringify(built.diagnostics)).toBe(accepted);
          if (accepted) {
            const { Metrics, EvaluationPeriods } = built.resources.OrdersErrorsAlarm.Properties;
            expect(EvaluationPeriods).toBe(periods);
            for (const m of Metrics.filter((x: any) => x.MetricStat)) expect(m.MetricStat.Period).toBe(period);
          } else {
            expect(built.diagnostics.map((d) => d.code)).toEqual(['GEN204']);
          }
        },
      ),
      { numRuns: 100, seed: SEED },
    );
  });
});
