/** The project rules and their contract, for code that imports them from here (the rules now live in project/). */
export type { ProjectRule } from './rule.js';
export { PROJECT_RULES } from './index.js';
export { environmentDifferentiation } from './project/environment-differentiation.js';
export { handlerCoverage } from './project/handler-coverage.js';
