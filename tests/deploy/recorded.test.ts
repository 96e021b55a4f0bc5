/**
 * Paths moto cannot produce, replayed from recorded CloudFormation API responses
 * (tests/deploy/recorded/*.json): a failed update with its rollback events, and a stack
 * another deploy is still changing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { executeChangeSet } from '../../generator/deploy/execute.js';
import { waitForIdle } from '../../generator/deploy/stack-state.js';
import type { Clients } from '../../generator/deploy/target.js';

type Recording = Record<string, unknown[]>;
const recording = (name: string): Recording =>
  JSON.parse(readFileSync(join(import.meta.dirname, 'recorded', `${name}.json`), 'utf8'), (key, value) =>
    key === 'Timestamp' || key === 'LastUpdatedTime' || key === 'CreationTime' ? new Date(value) : value,
  );

/** A CloudFormation client that answers each command with the next recorded response for it. */
function replay(responses: Recording): { clients: Clients; calls: string[] } {
  const calls: string[] = [];
  const queues = Object.fromEntries(Object.entries(responses).map(([k, v]) => [k, [...v]]));
  const send = async (command: { constructor: { name: string } }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    calls.push(name);
    const queue = queues[name];
    if (!queue || queue.length === 0) throw new Error(`no recorded response left for ${name}`);
    return queue.length > 1 ? queue.shift() : queue[0];
  };
  return { clients: { region: 'eu-central-1', cfn: { send } } as unknown as Clients, calls };
}

describe('recorded CloudFormation responses', () => {
  it('a failed update reports each failed resource with its reason, and the rollback status', async () => {
    const { clients } = replay(recording('failed-update'));
    const progress: string[] = [];
    const outcome = await executeChangeSet(clients, 'shop-production-app', 'arn:cs', (t) => progress.push(t), 0);
    expect(outcome.ok).toBe(false);
    expect(outcome.status).toBe('UPDATE_ROLLBACK_COMPLETE');
    expect(outcome.failures).toEqual([
      'OrdersFunction AWS::Lambda::Function UPDATE_FAILED: Resource handler returned message: "Error occurred while GetObject. S3 Error Code: NoSuchKey" (RequestToken: 1c9d, HandlerErrorCode: InvalidRequest)',
      'shop-production-app AWS::CloudFormation::Stack UPDATE_ROLLBACK_IN_PROGRESS: The following resource(s) failed to update: [OrdersFunction].',
    ]);
    expect(progress).toContain('shop-production-app: OrdersFunction AWS::Lambda::Function UPDATE_ROLLBACK_COMPLETE');
  });

  it('waits for a stack that another deploy is changing, then proceeds', async () => {
    const { clients, calls } = replay(recording('in-progress'));
    const said: string[] = [];
    const state = await waitForIdle(clients, 'shop-test-data', (l) => said.push(l), 60_000, 0);
    expect(said).toEqual(['shop-test-data is UPDATE_IN_PROGRESS: waiting for it to finish before changing anything']);
    expect(state.exists && state.status).toBe('UPDATE_COMPLETE');
    expect(calls.filter((c) => c === 'DescribeStacks')).toHaveLength(3);
  });

  it('gives up with a clear error when the stack stays busy past the timeout', async () => {
    const busy = recording('in-progress');
    busy.DescribeStacks = [busy.DescribeStacks[0]];
    const { clients } = replay(busy);
    await expect(waitForIdle(clients, 'shop-test-data', () => {}, 0, 0)).rejects.toThrow(
      'stack shop-test-data is still UPDATE_IN_PROGRESS after 0 s; try again when it has finished',
    );
  });
});
