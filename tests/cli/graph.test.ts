/** gen graph: the reference platform as a Mermaid diagram, grouped by stack and collapsed to stay readable. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { cleanup, gen, REPO } from '../fixtures/run-fixture.js';
import { platform } from '../reference/platform.js';
import { plural } from '../../generator/graph/architecture.js';

const out = mkdtempSync(join(tmpdir(), 'gen-graph-'));
afterAll(() => cleanup(out));

describe('gen graph', () => {
  it('writes architecture.md with every function and table, routes per function, alarms per type, grouped by stack', () => {
    expect(gen(['graph', '--env', 'test', '--out', out], REPO).status).toBe(0);
    const md = readFileSync(join(out, 'test/architecture.md'), 'utf8');
    const mermaid = /```mermaid\n([\s\S]+?)```/.exec(md)![1];
    for (const layer of ['api', 'app', 'data', 'monitoring'])
      expect(mermaid).toContain(`subgraph ${layer}["${layer}: crypto-trading-test-${layer}"]`);
    for (const f of platform.functions)
      expect(mermaid).toContain(
        `functions_${f.name.replace(/-/g, '_')}(["${f.name}<br/>${f.memory} MB, ${f.timeout} s"])`,
      );
    for (const t of platform.tables)
      expect(mermaid).toContain(`tables_${t.name.replace(/-/g, '_')}[("test-${t.name}")]`);
    expect(mermaid).toContain('alarms_function_error_rate["34 function-error-rate alarms');
    expect(mermaid).toContain('routes_strategies["/strategies<br/>/strategies/{id}<br/>5 routes"]');
    // Collapsed: one node per function's routes and per alarm type, not one per route or alarm
    // (functions + their route groups + tables + alarm types, plus the few buckets, topics, queues, rules,
    // schedules, secrets, workflows, the network's VPC, zones and endpoints).
    const nodes = mermaid.split('\n').filter((l) => /^\s+\w+[[({]/.test(l)).length;
    expect(nodes).toBeLessThan(34 + 34 + 32 + 5 + 40);
    expect(nodes).toBeLessThan(platform.routes.length); // far fewer nodes than routes
    for (const node of [
      'buckets_audit_logs',
      'topics_critical_alerts',
      'queues_operations_dlq',
      'workflows_trade_lifecycle',
      'secrets_binance_api',
      'network_endpoint_secretsmanager',
      'network_zone_B',
    ])
      expect(mermaid).toContain(node);
  });

  it('writes an HTML page that draws the same diagram offline', () => {
    expect(gen(['graph', '--env', 'test', '--format', 'html', '--out', out], REPO).status).toBe(0);
    const html = readFileSync(join(out, 'test/architecture.html'), 'utf8');
    expect(html).toContain('<pre class="mermaid">\nflowchart LR');
    expect(html).toContain('mermaid.initialize({ startOnLoad: true');
    expect(html).not.toMatch(/<script[^>]+src="https?:/); // nothing fetched from the network
  });

  it('prints one JSON document with --json, for a drawing and for an unknown environment', () => {
    const drawn = gen(['graph', '--env', 'test', '--json', '--out', out], REPO);
    expect(drawn.status).toBe(0);
    expect(JSON.parse(drawn.stdout)).toMatchObject({
      ok: true,
      command: 'graph',
      environment: 'test',
      diagnostics: [],
    });
    expect(JSON.parse(drawn.stdout).file).toMatch(/test\/architecture\.md$/);
    const unknown = gen(['graph', '--env', 'nope', '--json', '--out', out], REPO);
    expect(unknown.status).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ ok: false, diagnostics: [{ code: 'GEN401' }] });
  });
});

describe('section counts', () => {
  it('are English plurals (2 buses, 3 policies, 4 keys)', () => {
    expect(['bus', 'policy', 'key', 'box', 'table', 'day'].map(plural)).toEqual([
      'buses',
      'policies',
      'keys',
      'boxes',
      'tables',
      'days',
    ]);
  });
});
