/** budget: a monthly cost budget per environment, alerting the alarm topic (amount from the environment file). */
import type { Section } from '../section.js';
import { budgetGraph } from './graph.js';
import { checkBudget } from './check.js';
import { budgetGrants, compileBudget } from './compile.js';
import { normalizeBudget } from './model.js';
import { budgetSchema } from './schema.js';
import { budgetSettingsSchema } from './settings.js';

export const budgetSection: Section = {
  key: 'budget',
  kind: 'single',
  schema: budgetSchema,
  normalize: normalizeBudget,
  check: checkBudget,
  compile: compileBudget,
  environment: budgetSettingsSchema,
  grants: budgetGrants,
  graph: budgetGraph,
};
