import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkStacks } from '../../generator/rules/index.js';
import { compileYaml, PROJECT } from '../helpers/compile-yaml.js';
import { names, SEED } from './arbitraries.js';
import { CLEAN, cfnLint } from '../helpers/cfn-lint.js';

/** A spec of `n` queues, topics, buckets, rules and schedules wired to two functions, each part random. */
const spec = fc
  .record({
    queues: names(4, 1),
    topics: names(3),
    buckets: names(3),
    rules: names(3),
    schedules: names(2),
    retention: fc.integer({ min: 1, max: 14 }),
    timeout: fc.integer({ min: 1, max: 120 }),
    fifo: fc.boolean(),
    consumed: fc.boolean(),
    batch: fc.integer({ min: 1, max: 10 }),
    partial: fc.boolean(),
    retries: fc.integer({ min: 0, max: 185 }),
    publish: fc.boolean(),
    access: fc.constantFrom('read', 'write', 'read-write'),
  })
  .map((s) => {
    const q = (i: number) => `q-${s.queues[i % s.queues.length]}`;
    const queues: Record<string, any> = { 'ops-dlq': { retentionDays: 14 } };
    s.queues.forEach((name, i) => {
      queues[`q-${name}`] = {
        retentionDays: s.retention,
        ...(i === 0 && s.consumed
          ? { consumer: { function: 'worker', batchSize: s.batch, partialFailures: s.partial } }
          : {}),
      };
    });
    if (s.fifo) queues['ordered'] = { fifo: true };
    const topics = Object.fromEntries(
      s.topics.map((t, i) => [`t-${t}`, { subscribers: { queue: [q(i + 1)], email: ['ops@example.com'] } }]),
    );
    const buckets = Object.fromEntries(
      s.buckets.map((b, i) => [
        `b-${b}`,
        i === 0 ? { notify: [{ queue: q(2), events: ['created'] }] } : { expireAfterDays: 30 },
      ]),
    );
    const targets = (i: number) =>
      i % 3 === 0
        ? { function: 'worker' }
        : i % 3 === 1
          ? { queue: q(i) }
          : s.topics.length
            ? { topic: `t-${s.topics[0]}` }
            : { function: 'api' };
    const events =
      s.rules.length === 0
        ? undefined
        : {
            bus: {
              rules: Object.fromEntries(
                s.rules.map((r, i) => [
                  `r-${r}`,
                  { match: { source: [`app.${r}`] }, ...targets(i), retries: s.retries, deadLetterQueue: 'ops-dlq' },
                ]),
              ),
            },
          };
    const schedules = Object.fromEntries(
      s.schedules.map((n, i) => [
        `s-${n}`,
        { every: `${i + 5} minutes`, function: 'worker', deadLetterQueue: 'ops-dlq' },
      ]),
    );
    const functions = {
      worker: {
        handler: 'handlers/orders.handler',
        timeout: s.timeout,
        queues: { [q(0)]: s.consumed ? 'receive' : 'send' },
        ...(s.buckets.length ? { buckets: { [`b-${s.buckets[0]}`]: s.access } } : {}),
        ...(s.publish && s.topics.length ? { topics: { [`t-${s.topics[0]}`]: 'publish' } } : {}),
        ...(events ? { buses: { bus: 'publish' } } : {}),
      },
      api: { handler: 'handlers/orders.handler' },
    };
    return {
      queues,
      topics,
      buckets,
      ...(events ? { events } : {}),
      schedules,
      functions,
      routes: { 'GET /orders': 'api' },
    };
  });

describe('event sections on random specs', () => {
  it('build with every platform rule and guardrail holding, or are refused at the spec', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const built = compileYaml(`${PROJECT}\n${stringify(s)}`);
        const errors = built.diagnostics.filter((d) => d.severity === 'error');
        if (!built.stacks) {
          // Refused: only ever at the spec (a position) or by a rule, never an internal failure.
          expect(errors.length).toBeGreaterThan(0);
          for (const e of errors) expect(e.code).toMatch(/^GEN[2-6]\d\d$/);
          return;
        }
        const findings = checkStacks(
          built.stacks.map((st) => ({ stackName: st.stackName, file: st.file, template: st.template as never })),
          { environment: 'test', logRetentionDays: 30 },
        );
        expect(findings.map((f) => f.message)).toEqual([]);
        for (const [id, r] of Object.entries(built.resources)) {
          if (r.Type === 'AWS::SQS::Queue')
            expect(r.Properties.SqsManagedSseEnabled ?? r.Properties.KmsMasterKeyId, id).toBeTruthy();
          if (r.Type === 'AWS::SNS::Topic') expect(r.Properties.KmsMasterKeyId, id).toBeTruthy();
          if (r.Type === 'AWS::Events::Rule')
            for (const t of r.Properties.Targets) expect(t.DeadLetterConfig?.Arn, id).toBeTruthy();
        }
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('build the same spec into byte-identical templates', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const text = `${PROJECT}\n${stringify(s)}`;
        const [a, b] = [compileYaml(text), compileYaml(text)];
        expect((a.stacks ?? []).map((x) => x.body)).toEqual((b.stacks ?? []).map((x) => x.body));
      }),
      { numRuns: 100, seed: SEED },
    );
  });

  it('build templates cfn-lint accepts (20 random specs, one cfn-lint run)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-events-lint-'));
    try {
      const files = fc.sample(spec, { numRuns: 20, seed: SEED }).flatMap((s, i) => {
        const built = compileYaml(`${PROJECT}\n${stringify(s)}`);
        mkdirSync(join(dir, String(i)));
        return (built.stacks ?? []).map((stack) => {
          const file = join(dir, String(i), stack.file);
          writeFileSync(file, stack.body);
          return file;
        });
      });
      expect(files.length).toBeGreaterThan(20 * 3);
      expect(cfnLint(files)).toEqual(CLEAN);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
