/** The placement file: written canonically, read strictly (a broken file is an error, never a fresh start). */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readPlacement, serializePlacement, type Placement } from '../../generator/placement/lock.js';

const root = mkdtempSync(join(tmpdir(), 'gen-lock-'));
afterEach(() => rmSync(join(root, 'placement'), { recursive: true, force: true }));
const write = (text: string) => {
  mkdirSync(join(root, 'placement'), { recursive: true });
  writeFileSync(join(root, 'placement/test.json'), text);
};

describe('placement file', () => {
  it('round-trips, with groups sorted so that diffs stay small', () => {
    const placement: Placement = {
      format: 1,
      environment: 'test',
      stacks: { data: ['data', 'data-2'], app: ['app'] },
      groups: { ZTable: 'data-2', ATable: 'data', AFunction: 'app' },
    };
    const text = serializePlacement(placement);
    expect(Object.keys(JSON.parse(text).groups)).toEqual(['AFunction', 'ATable', 'ZTable']);
    write(text);
    expect(readPlacement(root, 'test').placement).toEqual({
      ...placement,
      groups: { AFunction: 'app', ATable: 'data', ZTable: 'data-2' },
    });
  });

  it('is absent for a project never built', () => {
    expect(readPlacement(root, 'test')).toEqual({ diagnostics: [] });
  });

  it.each([
    ['{ not json', 'placement/test.json: not valid JSON'],
    ['{"format": 2, "stacks": {}, "groups": {}}', 'placement/test.json: not a gen placement file (format 1)'],
    [
      '{"format": 1, "stacks": {"data": ["data-2"]}, "groups": {}}',
      "placement/test.json: stacks.data must list 'data' first, then data-2, data-3...",
    ],
    [
      '{"format": 1, "stacks": {"data": ["data"]}, "groups": {"ATable": "data-9"}}',
      "placement/test.json: group ATable is placed in 'data-9', which is not in stacks",
    ],
  ])('reports a broken file as GEN507 with how to recover: %s', (text, message) => {
    write(text);
    const [diagnostic] = readPlacement(root, 'test').diagnostics;
    expect(diagnostic.code).toBe('GEN507');
    expect(diagnostic.message).toContain(message);
    expect(diagnostic.fix).toContain('git checkout -- placement/');
  });
});
