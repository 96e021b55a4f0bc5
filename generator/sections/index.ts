/** Every spec section, in the order their checks and compile steps run. */
import { alarmsSection } from './alarms/index.js';
import { functionsSection } from './functions/index.js';
import { projectSection } from './project/index.js';
import { apiSection, routesSection } from './routes/index.js';
import type { Section } from './section.js';
import { tablesSection } from './tables/index.js';
import { resourcesSection } from './resources/index.js';

export const SECTIONS: readonly Section[] = [projectSection, tablesSection, functionsSection, apiSection, routesSection, alarmsSection, resourcesSection];
