import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { FIXTURES } from '../fixtures/run-fixture.js';
import { codes, compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';

const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const SPEC = `${PROJECT}timeseries:\n  market: { tables: [price-data, volume-data] }\n`;
const ONBOARDED = 'region: eu-central-1\ntimeseries: { engine: liveanalytics }\n';

describe('timeseries section', () => {
  it('refuses to build for an account that does not say it still has Timestream for LiveAnalytics, naming the alternatives', () => {
    const built = compileYaml(SPEC);
    expect(codes(built)).toEqual(['GEN378']);
    const [d] = built.diagnostics;
    expect(d.location).toEqual({ file: 'spec/app.yaml', path: ['timeseries', 'market'], at: 'key' });
    expect(d.message).toContain('closed to new customers on 2025-06-20');
    expect(d.fix).toContain('set timeseries.engine: liveanalytics in environments/test.yaml');
    expect(d.fix).toContain('Timestream for InfluxDB');
    expect(built.stacks).toBeUndefined();
  });

  it("compiles databases and tables into the data layer with the environment's retention where the account has it", () => {
    const built = compileYaml(SPEC, 'test', { test: ONBOARDED });
    expect(errors(built)).toEqual([]);
    const { resources, layerOf } = built;
    expect(layerOf.MarketTimeseriesDatabase).toBe('data');
    expect(resources.MarketTimeseriesDatabase.Properties).toMatchObject({
      DatabaseName: 'test-market',
      KmsKeyId: { 'Fn::GetAtt': ['MarketTimeseriesKey', 'Arn'] },
    });
    expect(resources.MarketTimeseriesKey.Properties.EnableKeyRotation).toBe(true);
    expect(resources.MarketTimeseriesKeyAlias.Properties.AliasName).toBe('alias/test-shop-market-timeseries');
    expect(resources.MarketPriceDataTimeseriesTable.Properties).toMatchObject({
      DatabaseName: { Ref: 'MarketTimeseriesDatabase' },
      TableName: 'price-data',
      RetentionProperties: { MemoryStoreRetentionPeriodInHours: '24', MagneticStoreRetentionPeriodInDays: '30' },
    });
    expect(resources.MarketVolumeDataTimeseriesTable.Properties.TableName).toBe('volume-data');
    expect(resources.MarketTimeseriesDatabase.Properties.Tags.map((t: any) => t.Key)).toEqual([
      'CostCenter',
      'Environment',
      'Owner',
      'Project',
    ]);
  });

  it('keeps databases and tables in a protected environment, with its own retention', () => {
    const { resources } = compileYaml(SPEC, 'production', {
      production:
        'region: eu-central-1\nprotected: true\ntimeseries: { engine: liveanalytics, memoryRetentionHours: 168, magneticRetentionDays: 365 }\n',
    });
    for (const id of ['MarketTimeseriesDatabase', 'MarketPriceDataTimeseriesTable', 'MarketTimeseriesKey'])
      expect(resources[id].DeletionPolicy).toBe('Retain');
    expect(resources.MarketPriceDataTimeseriesTable.Properties.RetentionProperties).toEqual({
      MemoryStoreRetentionPeriodInHours: '168',
      MagneticStoreRetentionPeriodInDays: '365',
    });
  });

  it('needs nothing from the account without a timeseries section', () => {
    expect(errors(compileYaml(PROJECT))).toEqual([]);
  });

  it('is drawn by gen graph: one cylinder per database, naming its tables', () => {
    const root = mkdtempSync(join(tmpdir(), 'gen-timeseries-graph-'));
    try {
      cpSync(join(FIXTURES, 'base'), root, { recursive: true });
      writeFileSync(join(root, 'spec/app.yaml'), SPEC);
      const spec = readSpec({ root, specDir: join(root, 'spec') }).spec!;
      expect(architectureMermaid(spec, { name: 'test' } as any)).toContain(
        'timeseries_market[("test-market<br/>Timestream: price-data, volume-data")]',
      );
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("refuses a declared key whose alias would be a database key's", () => {
    const built = compileYaml(`${SPEC}keys:\n  market-timeseries: {}\n`, 'test', { test: ONBOARDED });
    expect(codes(built)).toContain('GEN361');
    expect(built.diagnostics.find((d) => d.code === 'GEN361')?.message).toContain(
      "which gen already gives the key of time-series database 'market'",
    );
  });

  it('refuses a table named twice in a database', () => {
    expect(
      codes(compileYaml(`${PROJECT}timeseries:\n  market: { tables: [a, a] }\n`, 'test', { test: ONBOARDED })),
    ).toEqual(['GEN208']);
  });
});
