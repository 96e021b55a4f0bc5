/**
 * Every built-in spec section, in the order their checks and compile steps run. This list is
 * the one place a new section is registered; everything else is derived by the registry.
 */
import { alarmsSection } from './alarms/index.js';
import { backupSection } from './backup/index.js';
import { bucketsSection } from './buckets/index.js';
import { cacheSection } from './cache/index.js';
import { budgetSection } from './budget/index.js';
import { dashboardSection } from './dashboard/index.js';
import { edgeSection } from './edge/index.js';
import { eventsSection } from './events/index.js';
import { functionsSection } from './functions/index.js';
import { keysSection } from './keys/index.js';
import { networkSection } from './network/index.js';
import { projectSection } from './project/index.js';
import { queuesSection } from './queues/index.js';
import { createRegistry } from './registry.js';
import { resourcesSection } from './resources/index.js';
import { apiSection, routesSection } from './routes/index.js';
import { schedulesSection } from './schedules/index.js';
import { secretsSection } from './secrets/index.js';
import type { Section } from './section.js';
import { tablesSection } from './tables/index.js';
import { timeseriesSection } from './timeseries/index.js';
import { topicsSection } from './topics/index.js';
import { workflowsSection } from './workflows/index.js';

export const BUILTIN_SECTIONS: readonly Section[] = [
  projectSection,
  networkSection,
  tablesSection,
  queuesSection,
  topicsSection,
  bucketsSection,
  eventsSection,
  schedulesSection,
  keysSection,
  secretsSection,
  cacheSection,
  functionsSection,
  workflowsSection,
  apiSection,
  routesSection,
  edgeSection,
  timeseriesSection,
  alarmsSection,
  dashboardSection,
  backupSection,
  budgetSection,
  resourcesSection,
];

export const BUILTIN = createRegistry(BUILTIN_SECTIONS);
