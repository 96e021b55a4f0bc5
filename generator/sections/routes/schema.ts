import type { JsonSchema } from '../../schema/json-schema.js';
import { METHODS } from './model.js';

export const ROUTE_KEY = `^(${METHODS.join('|')}) (/|(/([A-Za-z0-9._~-]+|\\{[A-Za-z_][A-Za-z0-9_]*\\}))+)$`;
export const ROUTE_KEY_HINT = `write '<METHOD> <path>', for example 'GET /orders/{id}': METHOD is one of ${METHODS.join(', ')}, the path starts with / and names parameters in braces`;

export const routeSchema: JsonSchema = {
  description: 'What answers a request: a function name, or {function, body, query}.',
  examples: ['orders', { function: 'orders', body: 'schemas/order.json' }],
  if: { type: 'object' },
  then: {
    type: 'object',
    additionalProperties: false,
    required: ['function'],
    properties: {
      function: {
        type: 'string',
        minLength: 1,
        description: 'Name of the function from the functions section.',
        examples: ['orders'],
      },
      body: {
        type: ['string', 'object'],
        description:
          'JSON Schema (draft 4, as API Gateway models are) the request body must match: a file in spec/schemas/ (.json or .yaml) or inline. Default for POST/PUT/PATCH: any JSON object.',
        examples: ['schemas/order.json', { type: 'object', required: ['symbol'] }],
      },
      query: {
        type: 'object',
        description: 'Query string parameters: required ones are checked before the function runs.',
        propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_.-]*$', hint: 'use letters, digits, underscore, dot or dash' },
        additionalProperties: { enum: ['required', 'optional'] },
        examples: [{ limit: 'optional' }],
      },
    },
  },
  else: { type: 'string', minLength: 1 },
};

export const apiSchema: JsonSchema = {
  type: 'object',
  description: 'Settings for the HTTP API as a whole.',
  additionalProperties: false,
  properties: {
    cors: {
      type: 'object',
      description: 'Let browsers on other origins call the API.',
      examples: [{ allowOrigins: ['https://app.example.com'] }],
      additionalProperties: false,
      properties: {
        allowOrigins: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          description: 'Origins allowed; default any (*).',
          examples: [['https://app.example.com']],
        },
        allowHeaders: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          minItems: 1,
          description: 'Request headers allowed; default Content-Type, Authorization.',
          examples: [['Content-Type', 'Authorization', 'X-Request-Id']],
        },
        maxAgeSeconds: {
          type: 'integer',
          minimum: 0,
          maximum: 86400,
          description: 'How long browsers cache the answer; default 600.',
          examples: [3600],
        },
      },
    },
  },
};
