/**
 * timeseries -> Timestream for LiveAnalytics databases and tables (data layer), only where the
 * environment says its account still has the service. AWS closed it to new customers on
 * 2025-06-20 (Timestream developer guide, "Amazon Timestream for LiveAnalytics availability
 * change"); in any other account the stack would fail at deploy, so the build says so first.
 */
import { error } from '../../diagnostics.js';
import { ids, names } from '../../naming/ids.js';
import { accountAdministersKey, Fn, keptWhenProtected } from '../../output/cfn.js';
import { fragment, type Fragment, type PlacedResource } from '../../output/fragment.js';
import { projectOf } from '../project/model.js';
import type { CompileContext } from '../section.js';
import { timeseriesOf } from './model.js';

export function compileTimeseries({ spec, env }: CompileContext): Fragment {
  const databases = timeseriesOf(spec).items;
  const project = projectOf(spec);
  if (databases.length === 0 || !project) return fragment([]);
  if (env.timeseries.engine !== 'liveanalytics') {
    const { file, path, name } = databases[0];
    return {
      ...fragment([]),
      diagnostics: [
        error(
          'GEN378',
          `time-series database '${name}' needs Amazon Timestream for LiveAnalytics, which AWS closed to new customers on 2025-06-20, and ${env.file} does not say this account still has it`,
          { file, path, at: 'key' },
          `if this environment's account used Timestream for LiveAnalytics before that date, set timeseries.engine: liveanalytics in ${env.file}; otherwise keep the series in a table with ttl (DynamoDB expiry), or run Timestream for InfluxDB (instance-based, in private subnets) as resources: entries`,
        ),
      ],
    };
  }
  const retention = {
    MemoryStoreRetentionPeriodInHours: String(env.timeseries.memoryRetentionHours),
    MagneticStoreRetentionPeriodInDays: String(env.timeseries.magneticRetentionDays),
  };
  // cfn-lint warns (W3697) that the service is in maintenance mode: the environment has just said this account keeps it.
  const Metadata = { 'cfn-lint': { config: { ignore_checks: ['W3697'] } } };
  const resources = databases.flatMap(({ name, value }): PlacedResource[] => {
    const group = ids.timeseriesDatabase(name);
    return [
      // A key of its own (as the alarm topic has): the account administers it; Timestream uses it through grants made at creation.
      {
        layer: 'data',
        logicalId: ids.timeseriesKey(name),
        group,
        resource: {
          Type: 'AWS::KMS::Key',
          ...keptWhenProtected(env.protected),
          Properties: {
            Description: `Encrypts the ${env.name} time-series database ${name}`,
            EnableKeyRotation: true,
            KeyPolicy: {
              Version: '2012-10-17',
              Statement: [accountAdministersKey()],
            },
          },
        },
      },
      {
        layer: 'data',
        logicalId: ids.timeseriesKeyAlias(name),
        group,
        resource: {
          Type: 'AWS::KMS::Alias',
          Properties: {
            AliasName: names.timeseriesKeyAlias(env.name, project.value.name, name),
            TargetKeyId: Fn.Ref(ids.timeseriesKey(name)),
          },
        },
      },
      {
        layer: 'data',
        logicalId: group,
        group,
        resource: {
          Type: 'AWS::Timestream::Database',
          Metadata,
          ...keptWhenProtected(env.protected),
          Properties: {
            DatabaseName: names.timeseriesDatabase(env.name, name),
            KmsKeyId: Fn.GetAtt(ids.timeseriesKey(name), 'Arn'),
          },
        },
      },
      ...value.tables.map(
        (table): PlacedResource => ({
          layer: 'data',
          logicalId: ids.timeseriesTable(name, table),
          group,
          resource: {
            Type: 'AWS::Timestream::Table',
            Metadata,
            ...keptWhenProtected(env.protected),
            Properties: { DatabaseName: Fn.Ref(group), TableName: table, RetentionProperties: retention },
          },
        }),
      ),
    ];
  });
  return fragment(resources);
}
