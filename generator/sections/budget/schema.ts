import type { JsonSchema } from '../../schema/json-schema.js';

/** AWS Budgets takes at most five notifications per budget. */
export const MAX_ALERTS = 5;

export const budgetSchema: JsonSchema = {
  type: 'object',
  description:
    "A monthly AWS cost budget per environment (its amount is the environment's budget.monthlyAmount) whose alerts notify the alarm topic. Without alerts: 50, 80 and 100 % of actual spend and 100 % of the forecast.",
  additionalProperties: false,
  examples: [{ alerts: [{ at: 80 }, { at: 100, of: 'forecasted' }] }],
  properties: {
    alerts: {
      type: 'array',
      minItems: 1,
      maxItems: MAX_ALERTS,
      description: `When to notify the alarm topic, at most ${MAX_ALERTS} (AWS Budgets' limit per budget). Each: at, the percent of the monthly amount (0.1 to 1000); of, actual (default: the month's spend so far) or forecasted (AWS's forecast for the month).`,
      examples: [[{ at: 80 }, { at: 100, of: 'forecasted' }]],
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['at'],
        properties: {
          at: {
            type: 'number',
            // AWS Budgets refuses a notification threshold below 0.1 (cfn-lint E3034 knows it too).
            minimum: 0.1,
            maximum: 1000,
            description: "Percent of the environment's monthly amount (0.1 to 1000).",
            examples: [80],
          },
          of: {
            enum: ['actual', 'forecasted'],
            default: 'actual',
            description: "What reaches it: the month's spend so far, or AWS's forecast for the whole month.",
            examples: ['forecasted'],
          },
        },
      },
    },
  },
};
