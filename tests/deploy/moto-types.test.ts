/** The list of types the local endpoint creates is the installed moto's own (it changes when moto is upgraded). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MOTO_TYPES, skippedLocally } from '../../generator/deploy/moto-types.js';
import { REPO } from '../fixtures/run-fixture.js';

describe('types the local endpoint creates', () => {
  it("are exactly the resource types moto's CloudFormation knows", () => {
    const run = spawnSync(
      join(REPO, '.venv/bin/python'),
      [
        '-W',
        'ignore',
        '-c',
        'from moto.cloudformation import parsing; print("\\n".join(sorted(t for t in parsing.get_model_map() if t.startswith("AWS::"))))',
      ],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    expect([...MOTO_TYPES].sort()).toEqual(run.stdout.trim().split('\n'));
  });

  it('are used to name, once and counted, the types a deploy there skips', () => {
    const skipped = skippedLocally([
      {
        Resources: {
          Q: { Type: 'AWS::SQS::Queue' },
          P: { Type: 'AWS::SQS::QueuePolicy' },
          A: { Type: 'AWS::CloudWatch::Alarm' },
        },
      },
      { Resources: { P2: { Type: 'AWS::SQS::QueuePolicy' } } },
    ]);
    expect(skipped).toEqual([
      ['AWS::CloudWatch::Alarm', 1],
      ['AWS::SQS::QueuePolicy', 2],
    ]);
  });

  it('moto fails on KMS keys with the tags and key policy object gen writes (so the local deploy rewrites them: moto-kms.ts)', () => {
    // A key as gen writes it (platform tags, a KeyPolicy object with Fn::Sub), through moto's CloudFormation in-process.
    const script = `
import json, boto3
from moto import mock_aws
policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": {"Fn::Sub": "arn:aws:iam::\${AWS::AccountId}:root"}}, "Action": "kms:*", "Resource": "*"}]}
def key(tags):
    props = {"EnableKeyRotation": True, "KeyPolicy": policy}
    if tags: props["Tags"] = [{"Key": "Project", "Value": "shop"}]
    return {"Resources": {"K": {"Type": "AWS::KMS::Key", "Properties": props},
            "A": {"Type": "AWS::KMS::Alias", "Properties": {"AliasName": "alias/test-shop-k", "TargetKeyId": {"Ref": "K"}}}}}
with mock_aws():
    cf = boto3.client("cloudformation", region_name="eu-central-1")
    kms = boto3.client("kms", region_name="eu-central-1")
    try:
        cf.create_stack(StackName="tagged", TemplateBody=json.dumps(key(True)))
        print("tagged: created")
    except Exception as e:
        print("tagged: " + type(e).__name__ + " " + str(e))
    cf.create_stack(StackName="untagged", TemplateBody=json.dumps(key(False)))
    target = [a for a in kms.list_aliases()["Aliases"] if a["AliasName"] == "alias/test-shop-k"][0]["TargetKeyId"]
    try:
        kms.describe_key(KeyId=target)
        print("untagged: described")
    except Exception as e:
        print("untagged: " + type(e).__name__)
`;
    const run = spawnSync(join(REPO, '.venv/bin/python'), ['-W', 'ignore', '-c', script], {
      encoding: 'utf8',
      env: { ...process.env, AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b' },
    });
    expect(run.stdout.trim().split('\n')).toEqual(["tagged: KeyError 'TagKey'", 'untagged: TypeError']);
    // A key whose policy the rewrite cannot express stays on the not-created list; others are created.
    const key = (policy: object) => ({ Type: 'AWS::KMS::Key', Properties: { KeyPolicy: policy } });
    expect(
      skippedLocally([
        {
          Resources: {
            K: key({ Statement: [{ Resource: { 'Fn::If': ['C', '*', '*'] } }] }),
            Q: { Type: 'AWS::SQS::Queue' },
          },
        },
        { Resources: { L: key({ Statement: [{ Resource: '*' }] }) } },
      ]),
    ).toEqual([['AWS::KMS::Key', 1]]);
  });
});
