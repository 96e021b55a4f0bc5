/** The same alert written twice would make AWS Budgets refuse the whole budget at deploy. */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Spec } from '../../spec.js';
import { budgetOf } from './model.js';

export function checkBudget(spec: Spec): Diagnostic[] {
  const budget = budgetOf(spec);
  if (!budget) return [];
  const seen = new Map<string, number>();
  return budget.value.alerts.flatMap((alert, i) => {
    const key = `${alert.at} ${alert.of}`;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, i);
      return [];
    }
    return [
      error(
        'GEN377',
        `budget alert at ${alert.at} % of ${alert.of} spend is given twice (also alerts[${first}]); AWS Budgets refuses duplicate notifications`,
        { file: budget.file, path: [...budget.path, 'alerts', i] },
        'remove one of them, or change its percentage',
      ),
    ];
  });
}
