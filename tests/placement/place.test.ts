/** Placement of groups into a layer's stacks: fill, split, stability, and what may never move. */
import { describe, expect, it } from 'vitest';
import type { Group } from '../../generator/placement/groups.js';
import type { Placement } from '../../generator/placement/lock.js';
import { placeGroups } from '../../generator/placement/place.js';

const LAYERS = ['data', 'app', 'api', 'monitoring'];
const LIMITS = { resources: 10, outputs: 10, templateBytes: 1_000_000 };
const group = (name: string, resources: number, extra: Partial<Group> = {}): Group => ({
  layer: 'app',
  name,
  resources: [],
  outputs: [],
  size: { resources, bytes: resources * 100, outputs: 0 },
  stateful: false,
  shared: false,
  ...extra,
});
const previous = (groups: Record<string, string>, app = ['app', 'app-2']): Placement => ({
  format: 1,
  environment: 'test',
  stacks: { app },
  groups,
});

describe('placeGroups', () => {
  it('puts everything in the layer stack while it fits, and adds app-2 once 80% of a limit is reached', () => {
    expect(placeGroups([group('A', 3), group('B', 3)], undefined, 'test', LIMITS, LAYERS).placement.stacks).toEqual({
      app: ['app'],
    });
    const split = placeGroups([group('A', 3), group('B', 3), group('C', 3)], undefined, 'test', LIMITS, LAYERS);
    expect(split.placement.groups).toEqual({ A: 'app', B: 'app', C: 'app-2' });
    expect(split.stacks.map((s) => s.name)).toEqual(['app', 'app-2']);
  });

  it('keeps placed groups where they are and fills the first stack with room with new ones', () => {
    const result = placeGroups(
      [group('A', 3), group('Z', 3), group('New', 2)],
      previous({ A: 'app', Gone: 'app', Z: 'app-2' }),
      'test',
      LIMITS,
      LAYERS,
    );
    expect(result.placement.groups).toEqual({ A: 'app', New: 'app', Z: 'app-2' });
    expect(result.diagnostics).toEqual([]);
  });

  it('keeps an emptied stack (so the deployer updates it) instead of dropping it', () => {
    const result = placeGroups([group('A', 3)], previous({ A: 'app', Z: 'app-2' }), 'test', LIMITS, LAYERS);
    expect(result.stacks.map((s) => [s.name, s.groups.length])).toEqual([
      ['app', 1],
      ['app-2', 0],
    ]);
  });

  it('places shared groups (whose Ref other stacks take as a parameter) before the rest', () => {
    const result = placeGroups(
      [group('A', 4), group('B', 4), group('Shared', 4, { shared: true })],
      undefined,
      'test',
      LIMITS,
      LAYERS,
    );
    expect(result.placement.groups.Shared).toBe('app');
  });

  it('moves a stateless group to a later stack, with a warning, when its stack grows past the hard limit', () => {
    const result = placeGroups(
      [group('A', 6, { stateful: true }), group('B', 5)],
      previous({ A: 'app', B: 'app' }, ['app']),
      'test',
      LIMITS,
      LAYERS,
    );
    expect(result.placement.groups).toEqual({ A: 'app', B: 'app-2' });
    expect(result.diagnostics.map((d) => [d.code, d.severity])).toEqual([['GEN504', 'warning']]);
  });

  it('fails loudly rather than move a stateful group', () => {
    const result = placeGroups(
      [group('A', 6, { stateful: true }), group('B', 5, { stateful: true })],
      previous({ A: 'app', B: 'app' }, ['app']),
      'test',
      LIMITS,
      LAYERS,
    );
    expect(result.diagnostics.map((d) => d.code)).toEqual(['GEN505']);
    expect(result.diagnostics[0].message).toContain('holds data (A, B)');
    expect(result.placement.groups).toEqual({ A: 'app', B: 'app' });
  });
});
