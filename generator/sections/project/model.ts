import type { Spec } from '../../spec.js';
import { singleOf } from '../section.js';

export interface Project {
  name: string;
  owner: string;
  costCenter: string;
  description?: string;
}

/** The project block, when a spec file defines it. */
export const projectOf = (spec: Spec) => singleOf<Project>(spec, 'project');
