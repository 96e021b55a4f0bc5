/** GEN-P13 compares only settings that something the spec builds reads, and points at the setting. */
import { describe, expect, it } from 'vitest';
import type { Environment } from '../../generator/environment/model.js';
import { projectViolations } from '../../generator/rules/index.js';
import { environmentDifferentiation } from '../../generator/rules/project/environment-differentiation.js';
import type { Spec } from '../../generator/spec.js';

const env = (name: string, prot: boolean, billing: string): Environment =>
  ({
    name,
    file: `environments/${name}.yaml`,
    region: 'eu-central-1',
    protected: prot,
    logRetentionDays: prot ? 90 : 30,
    network: { cidr: '10.0.0.0/16', availabilityZones: [], singleNatGateway: true },
    cache: { nodeType: 'cache.t3.micro', nodes: 1, multiAz: false },
    domain: { name: `${name}.example.com`, api: `api.${name}.example.com` },
    timeseries: { memoryRetentionHours: 24, magneticRetentionDays: 30 },
    tables: {
      billing,
      capacity: { read: 5, write: 5 },
      autoscaling: { enabled: false, minCapacity: 5, maxCapacity: 10, targetUtilization: 70 },
    },
    api: { throttle: { rate: prot ? 5000 : 1000, burst: 2000 } },
  }) as unknown as Environment;
const spec = (tables: string[]): Spec => ({
  root: '',
  specDir: '',
  files: [],
  environmentNames: ['test', 'production'],
  sections: {
    tables: {
      items: tables.map((name) => ({ name, file: 'spec/app.yaml', path: ['tables', name], value: {} })),
      names: new Set(tables),
    },
  },
});

describe('GEN-P13 environment-differentiation', () => {
  const environments = [env('test', false, 'on-demand'), env('production', true, 'on-demand')];

  it('ignores settings nothing in the spec reads (no network, cache or time-series section)', () => {
    expect(environmentDifferentiation.check({ spec: spec([]), environments })).toEqual([]);
  });

  it('reports a setting the spec does read, at its key in the protected environment file', () => {
    const [finding] = projectViolations([environmentDifferentiation], { spec: spec(['orders']), environments });
    expect(finding.message).toBe(
      'GEN-P13 environment-differentiation: environments/production.yaml: tables.billing is "on-demand", the same as in test',
    );
    expect(finding.location).toEqual({ file: 'environments/production.yaml', path: ['tables', 'billing'] });
  });

  it('compares backup retention and the budget amount once the spec has those sections', () => {
    const ops = (name: string, prot: boolean) => ({
      ...env(name, prot, prot ? 'provisioned' : 'on-demand'),
      backup: { schedules: ['daily'], retentionDays: 7 },
      budget: { monthlyAmount: 500 },
    });
    const withSections: Spec = {
      ...spec([]),
      sections: {
        backup: { name: 'backup', file: 'spec/app.yaml', path: ['backup'], value: {} },
        budget: { name: 'budget', file: 'spec/app.yaml', path: ['budget'], value: {} },
      },
    };
    const findings = environmentDifferentiation.check({
      spec: withSections,
      environments: [ops('test', false), ops('production', true)] as Environment[],
    });
    expect(findings.map((f) => f.message)).toEqual([
      'backup.retentionDays is 7, the same as in test',
      'budget.monthlyAmount is 500, the same as in test',
    ]);
    expect(
      environmentDifferentiation.check({
        spec: spec([]),
        environments: [ops('test', false), ops('production', true)] as Environment[],
      }),
    ).toEqual([]);
  });
});
