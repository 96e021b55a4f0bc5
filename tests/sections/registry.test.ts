/**
 * The registry is open: a section defined only here (a toy `counters` section: named SSM
 * parameters that functions read or write) is validated, compiled, used by a function with
 * exact permissions and a variable, alarmed, drawn, documented and guarded as stateful, without
 * any file outside this test knowing it.
 */
import { describe, expect, it } from 'vitest';
import { dangerousChanges } from '../../generator/deploy/guard.js';
import { fieldReference } from '../../generator/docs/field-reference.js';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { fragment } from '../../generator/output/fragment.js';
import { mergeFragments } from '../../generator/output/merge.js';
import { groupsOf } from '../../generator/placement/groups.js';
import { metric, returning } from '../../generator/sections/alarm-metrics.js';
import { BUILTIN_SECTIONS } from '../../generator/sections/index.js';
import { createRegistry } from '../../generator/sections/registry.js';
import { graphNode, itemsOf, type Section } from '../../generator/sections/section.js';
import { settings } from '../../generator/schema/json-schema.js';
import { codes, compileYaml, PROJECT } from '../helpers/compile-yaml.js';

interface Counter {
  start: number;
}
const TYPE = 'AWS::SSM::Parameter';
const parameterName = (env: string, name: string) => `/${env}/counters/${name}`;

const countersSection: Section = {
  key: 'counters',
  kind: 'map',
  schema: {
    type: 'object',
    additionalProperties: false,
    description: 'A named counter.',
    properties: { start: { type: 'integer', minimum: 0, description: 'Initial value.', examples: [1] } },
  },
  names: { pattern: '^[a-z]+$', noun: 'counter', hint: 'use lowercase letters', maxLength: 30 },
  normalize: (raw: { start?: number }) => ({ start: raw.start }),
  compile: ({ spec, env }) =>
    fragment(
      itemsOf<Counter>(spec, 'counters').items.map(({ name, value }) => ({
        layer: 'data',
        logicalId: `${name[0].toUpperCase()}${name.slice(1)}Counter`,
        resource: {
          Type: TYPE,
          Properties: {
            Name: parameterName(env.name, name),
            Type: 'String',
            Value: String(value.start ?? (env as any).counters.start),
          },
        },
      })),
    ),
  statefulTypes: [TYPE],
  environment: settings('Counter defaults.', {
    start: { type: 'integer', default: 7, description: 'Start value of counters that set none.' },
  }),
  usable: {
    access: { enum: ['read', 'write'] },
    description: 'Counters the code reads or writes.',
    example: { visits: 'read' },
    variable: (name) => `COUNTER_${name.toUpperCase()}`,
    holds: 'the name of counter',
    value: (name, { env }) => parameterName(env.name, name),
    statements: ({ name, access }, { env }) => [
      {
        Sid: `Counter${name}`,
        Effect: 'Allow',
        Action: access === 'read' ? ['ssm:GetParameter'] : ['ssm:GetParameter', 'ssm:PutParameter'],
        Resource: {
          'Fn::Sub': `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${parameterName(env.name, name)}`,
        },
      },
    ],
  },
  alarmTypes: {
    'counter-high': {
      watches: 'counter',
      unit: 'count',
      defaultThreshold: 100,
      about: 'value of a counter',
      metrics: (name, { env }) => [
        returning(
          metric(
            'value',
            'Counters',
            'Value',
            { Counter: parameterName(env.name, name ?? '') },
            env.alarms.periodSeconds,
            'Maximum',
          ),
        ),
      ],
    },
  },
  graph: (spec) => ({
    layer: 'data',
    nodes: itemsOf(spec, 'counters').items.map(({ name }) => `${graphNode('counters', name)}[/counter ${name}/]`),
    edges: [],
  }),
};

const registry = createRegistry([...BUILTIN_SECTIONS, countersSection]);

const spec = (counters: string, uses: string, alarm = 'visits') => `${PROJECT}
counters:
${counters}
functions:
  orders:
    handler: handlers/orders.handler
    counters:
      ${uses}
routes:
  GET /orders: orders
alarms:
  many-visits:
    type: counter-high
    counter: ${alarm}
`;

describe('a section registered only in a test', () => {
  const built = compileYaml(
    spec('  visits: { start: 1 }\n  clicks: {}', 'visits: write\n      clicks: { access: read, variable: CLICKS }'),
    'test',
    {},
    registry,
  );

  it('is validated, compiled into its layer with the environment default, and stateful', () => {
    expect(built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(built.resources.VisitsCounter.Properties.Value).toBe('1');
    expect(built.resources.ClicksCounter.Properties.Value).toBe('7');
    expect(built.layerOf.VisitsCounter).toBe('data');
    expect(registry.statefulTypes.has(TYPE)).toBe(true);
  });

  it('is used by a function with exactly its permissions and a (renamable) variable', () => {
    const fn = built.resources.OrdersFunction.Properties;
    expect(fn.Environment.Variables).toEqual({
      CLICKS: '/test/counters/clicks',
      COUNTER_VISITS: '/test/counters/visits',
    });
    const statements = built.resources.OrdersRole.Properties.Policies[0].PolicyDocument.Statement;
    expect(statements.filter((s: any) => s.Sid.startsWith('Counter'))).toEqual([
      {
        Sid: 'Counterclicks',
        Effect: 'Allow',
        Action: ['ssm:GetParameter'],
        Resource: {
          'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/test/counters/clicks',
        },
      },
      {
        Sid: 'Countervisits',
        Effect: 'Allow',
        Action: ['ssm:GetParameter', 'ssm:PutParameter'],
        Resource: {
          'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/test/counters/visits',
        },
      },
    ]);
  });

  it('gets alarms of its own type', () => {
    const alarm = built.resources.ManyVisitsAlarm.Properties;
    expect(alarm.Threshold).toBe(100);
    expect(alarm.Metrics[0].MetricStat.Metric.Dimensions).toEqual([
      { Name: 'Counter', Value: '/test/counters/visits' },
    ]);
  });

  it('reports unknown names with did-you-mean, and bad access levels, at the spec', () => {
    const wrong = compileYaml(spec('  visits: {}', 'visit: write', 'vists'), 'test', {}, registry);
    const messages = wrong.diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(messages).toContain(
      "GEN312 function 'orders' uses counter 'visit', which is not defined. Did you mean 'visits'?",
    );
    expect(messages).toContain(
      "GEN312 alarm 'many-visits' watches counter 'vists', which is not defined. Did you mean 'visits'?",
    );
    expect(codes(compileYaml(spec('  visits: {}', 'visits: delete'), 'test', {}, registry))).toContain('GEN205');
    expect(codes(compileYaml(spec('  visits: { stat: 1 }', 'visits: read'), 'test', {}, registry))).toContain('GEN201');
  });

  it('is drawn by gen graph and documented by gen docs', () => {
    const docs = fieldReference(registry);
    expect(docs).toContain('### `counters`');
    expect(docs).toContain('`counters.<name>.start`');
    expect(docs).toContain('`functions.<name>.counters`');
    expect(docs).toContain('`counters.start` | integer');
    const graph = architectureMermaid(
      {
        root: '',
        specDir: '',
        files: [],
        environmentNames: [],
        sections: {
          counters: { items: [{ name: 'visits', file: '', path: [], value: {} }], names: new Set(['visits']) },
        },
      },
      { name: 'test', alarms: { periodSeconds: 60 }, functions: {} } as any,
      registry,
    );
    expect(graph).toContain('counters_visits[/counter visits/]');
  });

  it('is guarded as data: placement never moves it, the deploy guard refuses to remove it', () => {
    const merged = mergeFragments([
      fragment([{ layer: 'data', logicalId: 'VisitsCounter', resource: { Type: TYPE } }]),
    ]);
    expect(groupsOf(merged, registry.pinnedTypes)[0].stateful).toBe(true);
    const dangers = dangerousChanges(
      [],
      new Map([['VisitsCounter', { impact: 'remove' as const, type: TYPE }]]),
      registry.statefulTypes,
    );
    expect(dangers.map((d) => d.logicalId)).toEqual(['VisitsCounter']);
  });
});
