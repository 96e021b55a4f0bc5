/**
 * Least-privilege IAM for one function: exactly the tables (and their indexes) it declares,
 * with only the actions its access level needs, and never a `*` resource on DynamoDB.
 */
import { arns, names } from '../../naming/ids.js';
import { sub } from '../../output/cfn.js';
import { byName, type Spec } from '../../spec.js';
import type { Access } from './model.js';

const READ = ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:Scan'];
const WRITE = ['dynamodb:BatchWriteItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

export const actionsFor = (access: Access): string[] =>
  access === 'read' ? READ : access === 'write' ? WRITE : [...READ, ...WRITE].sort();

export function tableStatements(spec: Spec, env: string, tables: { name: string; access: Access }[]) {
  return tables.map(({ name, access }) => {
    const tableArn = arns.table(names.table(env, name));
    // Queries on an index need the index ARN; writes go through the table only.
    const indexes = access === 'write' ? [] : (byName(spec.tables, name)?.value.indexes ?? []);
    return {
      Sid: `Table${name.replace(/[^A-Za-z0-9]/g, '')}`,
      Effect: 'Allow',
      Action: actionsFor(access),
      Resource: [sub(tableArn), ...indexes.map((index) => sub(`${tableArn}/index/${index.name}`))],
    };
  });
}

export function logStatement(logGroupName: string) {
  return { Sid: 'Logs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [sub(`${arns.logGroup(logGroupName)}:*`)] };
}

/** X-Ray has no resource-level permissions: AWS documents `*` as the only resource. */
export const TRACING_STATEMENT = { Sid: 'Tracing', Effect: 'Allow', Action: ['xray:PutTelemetryRecords', 'xray:PutTraceSegments'], Resource: '*' };

export const ASSUME_ROLE = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
