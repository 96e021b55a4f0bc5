/** The vendored inventory is the shared one, byte for byte, wherever both are present. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { platform, PLATFORM_COPY, PLATFORM_ORIGINAL } from './platform.js';

describe('tests/reference/platform.json', () => {
  it('is the reference inventory (the copy of ../shared/reference/platform.json when that is present)', () => {
    if (existsSync(PLATFORM_ORIGINAL))
      expect(readFileSync(PLATFORM_COPY, 'utf8')).toBe(readFileSync(PLATFORM_ORIGINAL, 'utf8'));
    expect([platform.tables.length, platform.functions.length, platform.alarms.length]).toEqual([32, 34, 67]);
  });
});
