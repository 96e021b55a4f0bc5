/** checkStacks: rules that read the whole environment, severities, per-finding fixes; GEN-P9's wildcard test. */
import { describe, expect, it } from 'vitest';
import { checkStacks, projectViolations, ruleById } from '../../generator/rules/index.js';
import type { CfnTemplate, ProjectRule, Rule } from '../../generator/rules/rule.js';
import { isWildcardResource } from '../../generator/rules/template/iam-granularity.js';

const context = { environment: 'test', logRetentionDays: 30 };
const sub = (text: string) => ({ 'Fn::Sub': text });
const queueArn = sub('arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:test-jobs');
const stacks = (): { stackName: string; file: string; template: CfnTemplate }[] => [
  {
    stackName: 'shop-test-data',
    file: 'data.template.json',
    template: {
      Resources: {
        JobsQueue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'test-jobs', SqsManagedSseEnabled: true } },
      },
    },
  },
  {
    stackName: 'shop-test-triggers',
    file: 'triggers.template.json',
    template: {
      Resources: {
        IngestJobsMapping: {
          Type: 'AWS::Lambda::EventSourceMapping',
          Properties: { EventSourceArn: queueArn, FunctionName: 'test-ingest' },
        },
      },
    },
  },
  {
    stackName: 'shop-test-app',
    file: 'app.template.json',
    template: {
      Resources: {
        IngestFunction: { Type: 'AWS::Lambda::Function', Properties: { FunctionName: 'test-ingest', Timeout: 60 } },
      },
    },
  },
];
const only = (ids: string[], diagnostics: ReturnType<typeof checkStacks>) =>
  diagnostics.filter((d) => ids.some((id) => d.message.startsWith(`${id} `)));

describe('checkStacks', () => {
  it('lets an environment rule follow a queue to its consumer in other stacks, reporting the queue in its own stack', () => {
    expect(only(['GEN-G2', 'GEN-G9'], checkStacks(stacks(), context))).toEqual([
      expect.objectContaining({
        code: 'GEN601',
        severity: 'error',
        message:
          "GEN-G2 queue-visibility-timeout: JobsQueue in data.template.json: visibility timeout 30 s is shorter than the 60 s timeout of its consumer 'test-ingest' (IngestJobsMapping)",
      }),
      expect.objectContaining({
        code: 'GEN601',
        severity: 'warning',
        message:
          "GEN-G9 consumed-queue-dead-letter: JobsQueue in data.template.json: is read by 'test-ingest' (IngestJobsMapping) but has no dead-letter queue (RedrivePolicy)",
      }),
    ]);
  });

  it('checks each stack alone when given one: what another stack holds is unknown, not a violation', () => {
    for (const stack of stacks()) expect(only(['GEN-G2', 'GEN-G9'], checkStacks([stack], context))).toEqual([]);
    const [data] = stacks();
    expect((ruleById('GEN-G2') as Rule).check(data.template, { ...context, stackName: data.stackName })).toEqual([]);
  });

  it('gives a finding its own severity and fix when it has them (GEN-P3 without a TLS-only policy)', () => {
    const bucket = {
      Type: 'AWS::S3::Bucket',
      Properties: {
        VersioningConfiguration: { Status: 'Enabled' },
        BucketEncryption: {
          ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
        },
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: 'true',
          BlockPublicPolicy: 'true',
          IgnorePublicAcls: 'true',
          RestrictPublicBuckets: 'true',
        },
      },
    };
    const [diagnostic, ...rest] = only(
      ['GEN-P3'],
      checkStacks(
        [{ stackName: 's', file: 'data.template.json', template: { Resources: { UploadsBucket: bucket } } }],
        context,
      ),
    );
    expect(rest).toEqual([]);
    expect(diagnostic).toMatchObject({
      severity: 'warning',
      message:
        'GEN-P3 bucket-security: UploadsBucket in data.template.json: no bucket policy denies requests without TLS',
    });
    expect(diagnostic.fix).toMatch(/aws:SecureTransport/);
  });

  it('reports project rules at their severity with their fix', () => {
    const rule: ProjectRule = {
      id: 'GEN-G99',
      name: 'x',
      scope: 'project',
      severity: 'warning',
      title: 't',
      description: 'd',
      fix: 'do it',
      check: () => [{ resource: 'spec/app.yaml', message: 'm' }],
    };
    expect(projectViolations([rule], { spec: undefined as never, environments: [] })).toEqual([
      { code: 'GEN601', severity: 'warning', message: 'GEN-G99 x: spec/app.yaml: m', fix: 'do it' },
    ]);
  });
});

describe('GEN-P9: what is a wildcard resource', () => {
  it.each([
    '*',
    'arn:aws:s3:::*',
    'arn:aws:s3:::*/*',
    'arn:${AWS::Partition}:s3:::test-*/*',
    'arn:aws:s3:::test-uploads*',
    '${UploadsBucket.Arn}*',
    '${UploadsBucket.Arn}*/*',
    'arn:aws:s3:us-east-1:123456789012:accesspoint/*',
    'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/*',
    'arn:aws:dynamodb:eu-central-1:123456789012:table/test-*',
    'arn:aws:dynamodb:eu-central-1:123456789012:*',
    'arn:aws:secretsmanager:eu-central-1:123456789012:secret:*',
    'arn:aws:secretsmanager:eu-central-1:123456789012:secret:test/*',
    'arn:aws:*:*:*:*',
  ])('%s is a wildcard', (text) => expect(isWildcardResource(text)).toBe(true));

  it.each([
    'arn:aws:s3:::test-uploads',
    'arn:aws:s3:::test-uploads/*',
    'arn:${AWS::Partition}:s3:::test-uploads/incoming/*.csv',
    'arn:${AWS::Partition}:s3:::${UploadsBucket}/*',
    '${UploadsBucket.Arn}/*',
    '${UploadsBucket.Arn}',
    'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/test-orders',
    'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/test-orders/index/*',
    'arn:aws:dynamodb:*:123456789012:table/test-orders/stream/*',
    '${OrdersTable.Arn}/index/*',
    'arn:aws:secretsmanager:eu-central-1:123456789012:secret:test/shop/api-key-??????',
    'arn:aws:secretsmanager:eu-central-1:123456789012:secret:test/shop/api-key-*',
    'arn:aws:logs:*:*:log-group:/aws/lambda/*',
    'arn:aws:xray:*:*:*',
  ])('%s is not', (text) => expect(isWildcardResource(text)).toBe(false));
});
