import { describe, expect, it } from 'vitest';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { kmsKeys } from '../../generator/rules/template/kms-keys.js';
import { BUILTIN, BUILTIN_SECTIONS } from '../../generator/sections/index.js';
import { createRegistry } from '../../generator/sections/registry.js';
import type { PolicyGrant, Section } from '../../generator/sections/section.js';
import { codes, compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';
import { specOf } from '../helpers/spec-of.js';

const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const found = (built: Compiled, code: string) =>
  built.diagnostics.filter((d) => d.code === code).map((d) => ({ message: d.message, path: d.location?.path }));
const statements = (built: Compiled, role: string) =>
  built.resources[role].Properties.Policies[0].PolicyDocument.Statement as any[];
const ROOT = { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' };
const ALL_KEYS = [{ 'Fn::Sub': 'arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/*' }];
const worker = (uses: string) => `functions:\n  worker:\n    handler: handlers/orders.handler\n${uses}`;

/** A section defined here whose items make an AWS service use keys (as an encrypted topic's publisher would). */
const users = (grants: Omit<PolicyGrant, 'section'>[], section = 'keys'): Section => ({
  key: 'users',
  kind: 'map',
  schema: { type: 'object' },
  names: { pattern: '^[a-z]+$', noun: 'user', hint: 'lowercase', maxLength: 10 },
  grants: () => grants.map((g) => ({ section, ...g })),
});

describe('keys section', () => {
  it('compiles a rotating key with an alias and a policy only the account administers, in the data layer', () => {
    const built = compileYaml(`${PROJECT}keys:\n  secrets:\n    description: Encrypts credentials\n  audit: {}\n`);
    expect(errors(built)).toEqual([]);
    const { resources, layerOf } = built;
    expect([layerOf.SecretsKey, layerOf.SecretsKeyAlias]).toEqual(['data', 'data']);
    expect(resources.SecretsKey.Properties).toMatchObject({
      Description: 'Encrypts credentials',
      EnableKeyRotation: true,
      PendingWindowInDays: 7,
      KeyPolicy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'AccountAdministers', Effect: 'Allow', Principal: { AWS: ROOT }, Action: 'kms:*', Resource: '*' },
        ],
      },
    });
    expect(resources.AuditKey.Properties.Description).toBe('Key audit of shop (test)');
    expect(resources.SecretsKeyAlias.Properties).toEqual({
      AliasName: 'alias/test-shop-secrets',
      TargetKeyId: { Ref: 'SecretsKey' },
    });
    expect(resources.SecretsKey.DeletionPolicy).toBe('Delete');
    expect(resources.SecretsKey.Properties.Tags.map((t: any) => t.Key)).toEqual([
      'CostCenter',
      'Environment',
      'Owner',
      'Project',
    ]);
  });

  it('keeps keys in protected environments, with the longest deletion window by default', () => {
    const key = compileYaml(`${PROJECT}keys:\n  secrets: {}\n`, 'production').resources.SecretsKey as any;
    expect([key.DeletionPolicy, key.UpdateReplacePolicy, key.Properties.PendingWindowInDays]).toEqual([
      'Retain',
      'Retain',
      30,
    ]);
  });

  it('takes the deletion window once or per environment', () => {
    const spec = `${PROJECT}keys:\n  a: { deletionWindowDays: 14 }\n  b: { deletionWindowDays: { production: 21 } }\n`;
    const test = compileYaml(spec).resources;
    const production = compileYaml(spec, 'production').resources;
    expect(
      [test.AKey, test.BKey, production.AKey, production.BKey].map((k) => k.Properties.PendingWindowInDays),
    ).toEqual([14, 7, 14, 21]);
  });

  it('refuses a deletion window KMS does not allow and one naming an unknown environment', () => {
    expect(codes(compileYaml(`${PROJECT}keys:\n  a: { deletionWindowDays: 5 }\n`))).toContain('GEN204');
    const built = compileYaml(`${PROJECT}keys:\n  a: { deletionWindowDays: { prodution: 30 } }\n`);
    expect(found(built, 'GEN308')).toEqual([
      {
        message:
          "deletionWindowDays names environment 'prodution', which has no file in environments/. Did you mean 'production'?",
        path: ['keys', 'a', 'deletionWindowDays', 'prodution'],
      },
    ]);
  });

  it('admits an AWS service only where another section grants it, bound to the account and its sources', () => {
    const registry = createRegistry([
      ...BUILTIN_SECTIONS,
      users([
        {
          name: 'audit',
          sid: 'a',
          service: 'events.amazonaws.com',
          actions: ['kms:GenerateDataKey*'],
          sourceArn: 'arn:r1',
        },
        { name: 'audit', sid: 'b', service: 'events.amazonaws.com', actions: ['kms:Decrypt'], sourceArn: 'arn:r2' },
        { name: 'other', sid: 'c', service: 's3.amazonaws.com', actions: ['kms:Decrypt'], sourceArn: 'arn:b' },
      ]),
    ]);
    const built = compileYaml(`${PROJECT}keys:\n  audit: {}\n  plain: {}\n`, 'test', {}, registry);
    expect(errors(built)).toEqual([]);
    expect(built.resources.AuditKey.Properties.KeyPolicy.Statement[1]).toEqual({
      Sid: 'EventsUsesKey',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:SourceAccount': { 'Fn::Sub': '${AWS::AccountId}' } },
        ArnLike: { 'aws:SourceArn': ['arn:r1', 'arn:r2'] },
      },
    });
    expect(built.resources.PlainKey.Properties.KeyPolicy.Statement).toHaveLength(1);
  });

  it('lets functions encrypt, decrypt or both with a key, narrowed to it by its alias', () => {
    const built = compileYaml(
      `${PROJECT}keys:\n  audit: {}\n  exports: {}\n  inbox: {}\n${worker('    keys:\n      audit: encrypt\n      exports: { access: encrypt-decrypt, variable: EXPORT_KEY }\n      inbox: decrypt\n')}`,
    );
    expect(errors(built)).toEqual([]);
    const byAlias = (alias: string) => ({ 'ForAnyValue:StringEquals': { 'kms:ResourceAliases': alias } });
    expect(statements(built, 'WorkerRole').slice(2)).toEqual([
      {
        Sid: 'KeyAuditEncrypt',
        Effect: 'Allow',
        Action: ['kms:Encrypt', 'kms:GenerateDataKey'],
        Resource: ALL_KEYS,
        Condition: byAlias('alias/test-shop-audit'),
      },
      {
        Sid: 'KeyExportsEncryptDecrypt',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey'],
        Resource: ALL_KEYS,
        Condition: byAlias('alias/test-shop-exports'),
      },
      {
        Sid: 'KeyInboxDecrypt',
        Effect: 'Allow',
        Action: ['kms:Decrypt'],
        Resource: ALL_KEYS,
        Condition: byAlias('alias/test-shop-inbox'),
      },
    ]);
    expect(built.resources.WorkerFunction.Properties.Environment.Variables).toEqual({
      EXPORT_KEY: 'alias/test-shop-exports',
      KEY_AUDIT: 'alias/test-shop-audit',
      KEY_INBOX: 'alias/test-shop-inbox',
    });
    // Using a key directly puts nothing in any resource policy: the role keeps CloudFormation's path.
    expect(built.resources.WorkerRole.Properties.Path).toBeUndefined();
  });

  it('reports an unknown key or access at its place in the function, with did-you-mean', () => {
    const built = compileYaml(`${PROJECT}keys:\n  audit: {}\n${worker('    keys:\n      audits: encrypt\n')}`);
    expect(found(built, 'GEN312')).toEqual([
      {
        message: "function 'worker' uses key 'audits', which is not defined. Did you mean 'audit'?",
        path: ['functions', 'worker', 'keys', 'audits'],
      },
    ]);
    expect(codes(compileYaml(`${PROJECT}keys:\n  audit: {}\n${worker('    keys:\n      audit: sign\n')}`))).toContain(
      'GEN205',
    );
  });

  it('refuses a key whose alias gen already gives the alarm topic or a topic with a key of its own', () => {
    const alarms = compileYaml(
      `${PROJECT}keys:\n  alarms: {}\n${worker('')}alarms:\n  worker-errors: { type: function-errors, function: worker }\n`,
    );
    expect(found(alarms, 'GEN361')).toEqual([
      {
        message:
          "key 'alarms' would have the alias alias/test-shop-alarms, which gen already gives the key of the alarm topic",
        path: ['keys', 'alarms'],
      },
    ]);
    // Without alarms there is no alarm topic, so the name is free.
    expect(errors(compileYaml(`${PROJECT}keys:\n  alarms: {}\n`))).toEqual([]);
    const publisher = createRegistry([
      ...BUILTIN_SECTIONS,
      users(
        [{ name: 'orders', sid: 'x', service: 's3.amazonaws.com', actions: ['sns:Publish'], sourceArn: 'arn:b' }],
        'topics',
      ),
    ]);
    const topic = compileYaml(`${PROJECT}keys:\n  orders: {}\ntopics:\n  orders: {}\n`, 'test', {}, publisher);
    expect(found(topic, 'GEN361').map((d) => d.message)).toEqual([
      "key 'orders' would have the alias alias/test-shop-orders, which gen already gives the key of topic 'orders'",
    ]);
    // A topic on the AWS-managed key has no alias of its own.
    expect(errors(compileYaml(`${PROJECT}keys:\n  orders: {}\ntopics:\n  orders: {}\n`))).toEqual([]);
  });

  it('passes GEN-P10 for real, and a hand-written key without rotation, alias or a closed policy fails it', () => {
    const built = compileYaml(`${PROJECT}keys:\n  secrets: {}\n`);
    const data = built.templates.data;
    expect(Object.values(data.Resources).filter((r: any) => r.Type === 'AWS::KMS::Key')).toHaveLength(1);
    expect(kmsKeys.check(data, { environment: 'test' } as any)).toEqual([]);
    const hatch = compileYaml(`${PROJECT}resources:
  LooseKey:
    layer: data
    type: AWS::KMS::Key
    properties:
      KeyPolicy:
        Version: '2012-10-17'
        Statement:
          - { Effect: Allow, Principal: '*', Action: 'kms:*', Resource: '*' }
`);
    expect(
      hatch.diagnostics.filter((d) => d.code === 'GEN601' && d.message.includes('GEN-P10')).map((d) => d.message),
    ).toEqual([
      'GEN-P10 kms-keys: LooseKey in data.template.json: automatic key rotation is not enabled',
      'GEN-P10 kms-keys: LooseKey in data.template.json: key policy allows any principal',
      'GEN-P10 kms-keys: LooseKey in data.template.json: has no alias',
    ]);
  });

  it('is drawn by gen graph and is stateful', () => {
    const spec = specOf(`${PROJECT}keys:\n  secrets: {}\n`);
    const env = { name: 'test', functions: { memory: 256, timeout: 30 } } as any;
    expect(architectureMermaid(spec, env)).toContain('keys_secrets>"alias/test-shop-secrets<br/>KMS key, rotated"]');
    expect(BUILTIN.statefulTypes.has('AWS::KMS::Key')).toBe(true);
  });
});
