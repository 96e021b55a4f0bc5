/** The budget section's model: which alerts notify the alarm topic. */
import type { Spec } from '../../spec.js';
import { singleOf } from '../section.js';

export interface BudgetAlert {
  /** Percent of the environment's monthly amount. */
  at: number;
  /** Spend so far (actual) or AWS's forecast for the month (forecasted). */
  of: 'actual' | 'forecasted';
}

export interface Budget {
  alerts: BudgetAlert[];
}

/** The platform design's thresholds (plan task 25.1), and a warning before the month's spend gets there. */
export const DEFAULT_ALERTS: BudgetAlert[] = [
  { at: 50, of: 'actual' },
  { at: 80, of: 'actual' },
  { at: 100, of: 'actual' },
  { at: 100, of: 'forecasted' },
];

export function normalizeBudget(raw: { alerts?: { at: number; of?: BudgetAlert['of'] }[] }): Budget {
  return { alerts: raw.alerts ? raw.alerts.map((a) => ({ at: a.at, of: a.of ?? 'actual' })) : DEFAULT_ALERTS };
}

export const budgetOf = (spec: Spec) => singleOf<Budget>(spec, 'budget');
