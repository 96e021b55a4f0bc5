/**
 * KMS keys rewritten for the local endpoint (generator/deploy/moto-kms.ts): the policy as one
 * Fn::Sub string, tags as moto names them. Checked with real moto, in-process, on a key exactly as
 * the reference platform's golden data stack writes it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyForMoto, policyAsSub } from '../../generator/deploy/moto-kms.js';
import { REPO } from '../fixtures/run-fixture.js';

describe('policyAsSub', () => {
  it('turns Ref, GetAtt and nested Fn::Sub into ${} references and escapes a literal ${', () => {
    const policy = {
      Statement: [
        {
          Principal: { AWS: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:root' } },
          Resource: [{ Ref: 'Topic' }, { 'Fn::GetAtt': ['Queue', 'Arn'] }],
          Condition: { StringEquals: { 'aws:PrincipalTag/team': '${aws:username}', n: 1, b: true } },
        },
      ],
    };
    expect(policyAsSub(policy)).toBe(
      '{"Statement":[{"Principal":{"AWS":"arn:${AWS::Partition}:iam::${AWS::AccountId}:root"},' +
        '"Resource":["${Topic}","${Queue.Arn}"],' +
        '"Condition":{"StringEquals":{"aws:PrincipalTag/team":"${!aws:username}","n":1,"b":true}}}]}',
    );
  });

  it('gives up on an intrinsic Fn::Sub cannot express, so the key is left as written', () => {
    const policy = { Statement: [{ Resource: { 'Fn::Join': ['', ['a', 'b']] } }] };
    expect(policyAsSub(policy)).toBeUndefined();
    expect(keyForMoto({ KeyPolicy: policy })).toBeUndefined();
  });
});

describe('a golden KMS key on moto', () => {
  it('is created with its resolved policy, tags and rotation once rewritten', () => {
    const data = JSON.parse(readFileSync(join(REPO, 'tests/golden/test/data.template.json'), 'utf8'));
    const [id, key] = Object.entries(data.Resources as Record<string, any>).find(
      ([, r]) => r.Type === 'AWS::KMS::Key',
    )!;
    const rewritten = keyForMoto(key.Properties)!;
    expect(rewritten.Tags).toEqual(key.Properties.Tags.map((t: any) => ({ TagKey: t.Key, TagValue: t.Value })));
    const script = `
import json, sys, boto3
from moto import mock_aws
template = {"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": json.loads(sys.argv[1])}}}
with mock_aws():
    boto3.client("cloudformation", region_name="eu-central-1").create_stack(StackName="k", TemplateBody=json.dumps(template))
    kms = boto3.client("kms", region_name="eu-central-1")
    key = kms.list_keys()["Keys"][0]["KeyId"]
    print(json.dumps({
        "state": kms.describe_key(KeyId=key)["KeyMetadata"]["KeyState"],
        "policy": json.loads(kms.get_key_policy(KeyId=key, PolicyName="default")["Policy"]),
        "rotation": kms.get_key_rotation_status(KeyId=key)["KeyRotationEnabled"],
        "tags": sorted(t["TagKey"] for t in kms.list_resource_tags(KeyId=key)["Tags"]),
    }))
`;
    const run = spawnSync(join(REPO, '.venv/bin/python'), ['-W', 'ignore', '-c', script, JSON.stringify(rewritten)], {
      encoding: 'utf8',
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' },
    });
    expect(run.stderr, id).toBe('');
    const found = JSON.parse(run.stdout);
    expect(found.state).toBe('Enabled');
    expect(found.rotation).toBe(key.Properties.EnableKeyRotation);
    expect(found.tags).toEqual(key.Properties.Tags.map((t: any) => t.Key).sort());
    // Every ${...} resolved (moto's account and region), the statements as written.
    expect(JSON.stringify(found.policy)).not.toContain('${');
    expect(found.policy.Statement.map((s: any) => s.Sid)).toEqual(
      key.Properties.KeyPolicy.Statement.map((s: any) => s.Sid),
    );
  });
});
