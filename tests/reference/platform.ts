/**
 * The reference platform's inventory. A copy of ../shared/reference/platform.json lives here so
 * the tests run from any clone; platform.test.ts checks the copy against the original when the
 * shared folder is beside the repository.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../fixtures/run-fixture.js';

export const PLATFORM_COPY = join(REPO, 'tests/reference/platform.json');
export const PLATFORM_ORIGINAL = join(REPO, '../shared/reference/platform.json');
export const platform = JSON.parse(readFileSync(PLATFORM_COPY, 'utf8'));
