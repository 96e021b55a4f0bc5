/** Checks of keys: per-environment deletion windows name real environments. */
import type { Diagnostic } from '../../diagnostics.js';
import type { Spec } from '../../spec.js';
import { checkEnvironmentNames } from '../events/targets.js';
import { keysOf } from './model.js';

export const checkKeys = (spec: Spec): Diagnostic[] =>
  keysOf(spec).items.flatMap(({ value, file, path }) =>
    checkEnvironmentNames(spec, value.deletionWindowDays, 'deletionWindowDays', {
      file,
      path: [...path, 'deletionWindowDays'],
    }),
  );
