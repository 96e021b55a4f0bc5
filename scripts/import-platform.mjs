#!/usr/bin/env node
// One-off importer: writes the reference spec (spec/, handlers/) from ../shared/reference/platform.json.
// Kept for provenance; the YAML it wrote is the source of truth now and is edited by hand.
// tests/reference/inventory.test.ts checks the spec still matches platform.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const platform = JSON.parse(readFileSync(new URL('../../shared/reference/platform.json', import.meta.url), 'utf8'));
const DOMAINS = {
  strategies: ['Strategy management', ['strategies', 'templates', 'versions', 'deployments']],
  'market-data': ['Market data', ['streams', 'data-sources', 'backfills', 'quality']],
  intelligence: [
    'AI intelligence',
    ['analysis', 'news-context', 'model-configs', 'providers', 'allocations', 'ensemble', 'performance'],
  ],
  risk: [
    'Risk controls',
    ['position-limits', 'drawdown', 'circuit-breakers', 'kill-switch', 'risk-profiles', 'risk-events'],
  ],
  exchange: [
    'Exchange integration',
    ['exchange-config', 'exchange-connections', 'exchange-orders', 'exchange-positions'],
  ],
  audit: [
    'Audit and reporting',
    [
      'audit',
      'audit-stream',
      'audit-packages',
      'ai-traces',
      'data-lineage',
      'compliance-reports',
      'trade-lifecycle',
      'retention',
      'snapshots',
    ],
  ],
};
// Latency-critical functions kept warm where the environment enables provisioned concurrency.
const WARM = { 'kill-switch': 2, 'exchange-orders': 5 };
const TYPES = { S: 'string', N: 'number', B: 'binary' };

const fn = Object.fromEntries(platform.functions.map((f) => [f.name, f]));
const table = Object.fromEntries(platform.tables.map((t) => [t.name, t]));
const key = ([name, type]) => (type === 'S' ? name : `{ name: ${name}, type: ${TYPES[type]} }`);
const placed = new Set();

mkdirSync('spec/schemas', { recursive: true });
mkdirSync('handlers/lib', { recursive: true });
for (const [file, [title, functions]] of Object.entries(DOMAINS)) {
  const tables = functions.flatMap((f) => fn[f].tables).filter((t) => !placed.has(t) && placed.add(t));
  const out = [`# yaml-language-server: $schema=../schemas/spec.schema.json`, `# ${title}.`, '', 'tables:'];
  for (const name of tables) {
    const t = table[name];
    out.push(`  ${name}:`, `    partitionKey: ${key(t.partitionKey)}`);
    if (t.sortKey) out.push(`    sortKey: ${key(t.sortKey)}`);
    if (t.ttl) out.push(`    ttl: ${t.ttl}`);
    if (t.indexes) {
      out.push('    indexes:');
      for (const i of t.indexes) {
        out.push(`      ${i.name}:`, `        partitionKey: ${key(i.partitionKey)}`);
        if (i.sortKey) out.push(`        sortKey: ${key(i.sortKey)}`);
      }
    }
  }
  out.push('', 'functions:');
  for (const name of functions) {
    const f = fn[name];
    out.push(`  ${name}:`, `    handler: ${f.handler}`, `    memory: ${f.memory}`, `    timeout: ${f.timeout}`);
    if (f.reservedConcurrency) out.push(`    reservedConcurrency: ${f.reservedConcurrency}`);
    if (WARM[name]) out.push(`    provisionedConcurrency: ${WARM[name]}`);
    out.push('    tables:', ...f.tables.map((t) => `      ${t}: read-write`));
  }
  out.push('', 'routes:');
  for (const r of platform.routes.filter((r) => functions.includes(r.function))) {
    const t = table[fn[r.function].tables[0]];
    const byId = r.path.endsWith('{id}');
    const query =
      byId && t.sortKey
        ? `${t.partitionKey[0]}: required`
        : !byId && r.method === 'GET'
          ? `${t.partitionKey[0]}: optional, limit: optional`
          : '';
    if (!r.body && !query) {
      out.push(`  ${r.method} ${r.path}: ${r.function}`);
      continue;
    }
    out.push(`  ${r.method} ${r.path}:`, `    function: ${r.function}`);
    if (r.body) out.push(`    body: schemas/${r.function}.json`);
    if (query) out.push(`    query: { ${query} }`);
  }
  out.push('', 'alarms:');
  for (const a of platform.alarms.filter((a) => functions.includes(a.function) || tables.includes(a.table))) {
    out.push(`  ${a.name}:`);
    if (a.kind === 'lambda-error-rate')
      out.push('    type: function-error-rate', `    function: ${a.function}`, `    threshold: ${a.thresholdPercent}`);
    else out.push('    type: table-throttles', `    table: ${a.table}`, `    threshold: ${a.threshold}`);
  }
  writeFileSync(`spec/${file}.yaml`, out.join('\n') + '\n');

  for (const name of functions) {
    const f = fn[name];
    const t = table[f.tables[0]];
    const keyType = (k) => (k[1] === 'N' ? 'number' : 'string');
    const schema = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      title: `${name} item`,
      type: 'object',
      required: [t.partitionKey[0], ...(t.sortKey ? [t.sortKey[0]] : [])],
      properties: Object.fromEntries(
        [t.partitionKey, t.sortKey].filter(Boolean).map((k) => [k[0], { type: keyType(k) }]),
      ),
    };
    writeFileSync(`spec/schemas/${name}.json`, JSON.stringify(schema, undefined, 2) + '\n');
    const keys = {
      partitionKey: t.partitionKey[0],
      ...(t.sortKey ? { sortKey: t.sortKey[0] } : {}),
      numeric: [t.partitionKey, t.sortKey].filter((k) => k && k[1] === 'N').map((k) => k[0]),
    };
    writeFileSync(
      `handlers/${name}.mjs`,
      [
        `// ${name}: CRUD over the ${f.tables[0]} table (HTTP API, Lambda proxy integration).`,
        `import { crudHandler } from './lib/crud.mjs';`,
        '',
        `export const handler = crudHandler({ table: process.env.TABLE_${f.tables[0].toUpperCase().replace(/-/g, '_')}, keys: ${JSON.stringify(keys)} });`,
        '',
      ].join('\n'),
    );
  }
}
const api5xx = platform.alarms.find((a) => a.kind === 'api-5xx-rate');
writeFileSync(
  'spec/project.yaml',
  [
    '# yaml-language-server: $schema=../schemas/spec.schema.json',
    '# The AI-assisted crypto trading platform (acinaces.com): project metadata, API settings and API alarms.',
    '',
    'project:',
    '  name: crypto-trading',
    '  owner: platform-team',
    '  costCenter: trading-001',
    '  description: AI-assisted crypto trading platform',
    '',
    'api:',
    '  cors:',
    '    allowOrigins: [https://app.acinaces.com]',
    '',
    'alarms:',
    `  ${api5xx.name}:`,
    '    type: api-5xx-rate',
    `    threshold: ${api5xx.thresholdPercent}`,
    '',
  ].join('\n'),
);
