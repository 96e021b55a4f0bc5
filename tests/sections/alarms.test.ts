import { describe, expect, it } from 'vitest';
import { codes, compileYaml, PROJECT } from '../helpers/compile-yaml.js';

const spec = `${PROJECT}
tables:
  orders: { partitionKey: id }
functions:
  orders: { handler: handlers/orders.handler, tables: { orders: read } }
routes:
  GET /orders: orders
alarms:
  orders-errors: { type: function-error-rate, function: orders, threshold: { test: 10, production: 2 } }
  orders-slow: { type: function-duration, function: orders, threshold: 800 }
  orders-throttled: { type: function-throttles, function: orders }
  table-throttled: { type: table-throttles, table: orders }
  api-errors: { type: api-5xx-rate }
  api-slow: { type: api-latency, threshold: 1500 }
`;

describe('alarms section', () => {
  it('notifies an encrypted topic that only CloudWatch of this account may publish to', () => {
    const { resources, layerOf } = compileYaml(spec);
    expect(layerOf.AlarmTopic).toBe('monitoring');
    expect(resources.AlarmTopic.Properties.KmsMasterKeyId).toEqual({ Ref: 'AlarmTopicKey' });
    expect(resources.AlarmTopicKey.Properties.EnableKeyRotation).toBe(true);
    expect(resources.AlarmTopicKeyAlias.Properties).toEqual({
      AliasName: 'alias/test-shop-alarms',
      TargetKeyId: { Ref: 'AlarmTopicKey' },
    });
    const [statement] = resources.AlarmTopicPolicy.Properties.PolicyDocument.Statement;
    expect(statement.Principal).toEqual({ Service: 'cloudwatch.amazonaws.com' });
    expect(statement.Condition.StringEquals).toEqual({ 'aws:SourceAccount': { 'Fn::Sub': '${AWS::AccountId}' } });
    for (const id of [
      'OrdersErrorsAlarm',
      'OrdersSlowAlarm',
      'OrdersThrottledAlarm',
      'TableThrottledAlarm',
      'ApiErrorsAlarm',
      'ApiSlowAlarm',
    ]) {
      expect(resources[id].Properties.AlarmActions, id).toEqual([
        {
          'Fn::Sub': `arn:${'${AWS::Partition}'}:sns:${'${AWS::Region}'}:${'${AWS::AccountId}'}:${resources.AlarmTopic.Properties.TopicName}`,
        },
      ]);
    }
  });

  it('uses the threshold of the environment being built', () => {
    expect(compileYaml(spec).resources.OrdersErrorsAlarm.Properties.Threshold).toBe(10);
    expect(compileYaml(spec, 'production').resources.OrdersErrorsAlarm.Properties.Threshold).toBe(2);
  });

  it('watches the right metric for each type', () => {
    const { resources } = compileYaml(spec);
    expect(resources.OrdersErrorsAlarm.Properties.Metrics.map((m: any) => m.Id)).toEqual([
      'errors',
      'invocations',
      'rate',
    ]);
    expect(resources.OrdersErrorsAlarm.Properties.Metrics[2].Expression).toBe(
      'IF(invocations > 0, 100 * errors / invocations, 0)',
    );
    expect(resources.OrdersSlowAlarm.Properties.Metrics[0].MetricStat).toMatchObject({
      Stat: 'p99',
      Metric: { MetricName: 'Duration', Dimensions: [{ Name: 'FunctionName', Value: 'test-orders' }] },
    });
    expect(resources.OrdersThrottledAlarm.Properties.Threshold).toBe(1);
    expect(resources.TableThrottledAlarm.Properties.Metrics[0].MetricStat.Metric).toEqual({
      Namespace: 'AWS/DynamoDB',
      MetricName: 'ReadThrottleEvents',
      Dimensions: [{ Name: 'TableName', Value: 'test-orders' }],
    });
    expect(resources.ApiErrorsAlarm.Properties.Metrics[0].MetricStat.Metric.Dimensions).toEqual([
      { Name: 'ApiName', Value: 'test-shop-api' },
      { Name: 'Stage', Value: 'test' },
    ]);
  });

  it('refuses a target that does not fit the type', () => {
    expect(
      codes(
        compileYaml(
          spec.replace(
            'type: function-throttles, function: orders',
            'type: function-throttles, function: orders, table: orders',
          ),
        ),
      ),
    ).toEqual(['GEN206']);
  });

  it('takes its own period, evaluation periods and statistic where the type allows one', () => {
    const own = compileYaml(
      spec.replace(
        'orders-slow: { type: function-duration, function: orders, threshold: 800 }',
        'orders-slow: { type: function-duration, function: orders, threshold: 800, statistic: average, period: 300, evaluationPeriods: 1 }\n  orders-failing: { type: function-errors, function: orders, threshold: 5, period: 60 }',
      ),
    );
    const slow = own.resources.OrdersSlowAlarm.Properties;
    expect(slow.Metrics[0].MetricStat).toMatchObject({ Period: 300, Stat: 'Average' });
    expect([slow.EvaluationPeriods, slow.DatapointsToAlarm]).toEqual([1, 1]);
    expect(slow.AlarmDescription).toContain('average run time of a function');
    const failing = own.resources.OrdersFailingAlarm.Properties;
    expect(failing.Metrics).toEqual([
      expect.objectContaining({
        ReturnData: true,
        MetricStat: expect.objectContaining({
          Period: 60,
          Stat: 'Sum',
          Metric: expect.objectContaining({ MetricName: 'Errors' }),
        }),
      }),
    ]);
    expect(failing.EvaluationPeriods).toBe(3); // the environment's, as it sets none
    const fixed = compileYaml(
      spec.replace(
        'api-slow: { type: api-latency, threshold: 1500 }',
        'api-slow: { type: api-latency, threshold: 1500, statistic: average }',
      ),
    );
    expect(fixed.diagnostics.find((d) => d.code === 'GEN205')?.fix).toBe(
      'remove statistic: this type has a fixed recipe',
    );
  });
});
