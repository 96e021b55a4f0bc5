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
});
