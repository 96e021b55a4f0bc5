/** The budget in `gen graph`: a node in the monitoring box notifying the alarm topic (drawn here too when no alarm draws it). */
import type { Environment } from '../../environment/model.js';
import type { Spec } from '../../spec.js';
import { alarmsOf } from '../alarms/model.js';
import { quote, type GraphPart } from '../section.js';
import { budgetOf } from './model.js';

export function budgetGraph(spec: Spec, env: Environment): GraphPart {
  const budget = budgetOf(spec);
  if (!budget) return { layer: 'monitoring', nodes: [], edges: [] };
  const alerts = budget.value.alerts.map((a) => `${a.at} %${a.of === 'forecasted' ? ' forecast' : ''}`).join(', ');
  return {
    layer: 'monitoring',
    nodes: [
      `budget[${quote(`monthly budget ${env.budget.monthlyAmount} USD<br/>alerts at ${alerts}`)}]`,
      ...(alarmsOf(spec).items.length === 0 ? [`topic{{${quote('alarm topic<br/>SNS, KMS-encrypted')}}}`] : []),
    ],
    edges: ['budget --> topic'],
  };
}
