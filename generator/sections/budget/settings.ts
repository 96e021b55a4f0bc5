/** The budget's part of environments/<name>.yaml: how much the environment may cost per month. */
import { integer, settings, type JsonSchema } from '../../schema/json-schema.js';

export interface BudgetSettings {
  monthlyAmount: number;
}

declare module '../../environment/model.js' {
  interface SectionSettings {
    budget: BudgetSettings;
  }
}

export const budgetSettingsSchema: JsonSchema = settings(
  "Monthly cost budget of the environment (used when the spec has a budget section; the design's monthly_budget_amount).",
  {
    monthlyAmount: integer(1, 100000000, 'Monthly budget in USD: the alerts are percentages of it.', {
      default: 500,
      examples: [500],
    }),
  },
);
