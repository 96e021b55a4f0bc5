/**
 * The resource types the deploy side treats as data (the guard, the stack policy of protected
 * environments, the removal order, destroy and diff): exactly the registry's, that is what the
 * sections declare they emit (Section.statefulTypes; the escape hatch declares the types only it
 * can write). The registry is built from code, not from the spec, so deploying, diffing or
 * destroying needs no spec. It is not recorded in the manifest on purpose: a stack built by an
 * older gen is guarded with everything the running gen knows holds data, and destroy, which
 * reads the deployed templates, protects types a stale manifest would not name.
 */
import { BUILTIN } from '../sections/index.js';

export const DATA_TYPES: ReadonlySet<string> = BUILTIN.statefulTypes;
