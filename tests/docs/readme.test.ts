/** Docs and editor schemas come from the validation schemas; these tests keep the committed copies fresh. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { withFieldReference } from '../../generator/cli/commands/docs.js';
import { REPO } from '../fixtures/run-fixture.js';

const read = (path: string) => readFileSync(join(REPO, path), 'utf8');

describe('generated docs', () => {
  it('README field reference matches the schemas (run `npx gen docs`)', () => {
    expect(withFieldReference(read('README.md'))).toBe(read('README.md'));
  });

  it('documents every section and every environment setting', () => {
    const readme = read('README.md');
    for (const field of [
      'tables.<name>.partitionKey.type',
      'functions.<name>.memory',
      'routes.<METHOD /path>.body',
      'alarms.<name>.threshold',
      'api.cors.allowOrigins',
      'project.costCenter',
      'tables.autoscaling.targetUtilization',
      'api.throttle.rate',
      'logRetentionDays',
    ]) {
      expect(readme).toContain(`\`${field}\``);
    }
  });
});

describe('editor schemas in schemas/', () => {
  const spec = JSON.parse(read('schemas/spec.schema.json'));
  const environment = JSON.parse(read('schemas/environment.schema.json'));
  // A plain draft-07 validator, as an editor would use, not gen's own configured one.
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validateSpec = ajv.compile(spec);
  const validateEnvironment = ajv.compile(environment);

  it('accept every file of the reference spec and environments', () => {
    for (const file of readdirSync(join(REPO, 'spec')).filter((f) => f.endsWith('.yaml'))) {
      expect(validateSpec(parse(read(`spec/${file}`))), file).toBe(true);
    }
    for (const file of readdirSync(join(REPO, 'environments'))) {
      expect(validateEnvironment(parse(read(`environments/${file}`))), file).toBe(true);
    }
  });

  it('reject the schema mistakes of the error fixtures', () => {
    for (const name of [
      'misspelt-key',
      'memory-out-of-range',
      'wrong-key-type',
      'misspelt-section',
      'bad-route-key',
      'missing-handler',
      'misspelt-runtime',
    ]) {
      const dir = join(REPO, 'tests/fixtures/errors', name, 'spec');
      const files = readdirSync(dir).map((f) => parse(readFileSync(join(dir, f), 'utf8')));
      expect(
        files.some((data) => !validateSpec(data)),
        name,
      ).toBe(true);
    }
  });

  it('are what `gen schema` writes', async () => {
    const { BUILTIN } = await import('../../generator/sections/index.js');
    expect(spec).toEqual({ $schema: 'http://json-schema.org/draft-07/schema#', ...BUILTIN.schemas.spec });
  });
});
