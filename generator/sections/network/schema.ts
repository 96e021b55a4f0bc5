import type { JsonSchema } from '../../schema/json-schema.js';
import { ENDPOINT_SERVICES } from './endpoints.js';

export const networkSchema: JsonSchema = {
  type: 'object',
  description:
    "The project's private network (one VPC per environment, sized in the environment file's network): every function runs in its private subnets unless it says network: none.",
  additionalProperties: false,
  properties: {
    internet: {
      enum: ['nat', 'none'],
      default: 'nat',
      description:
        'How functions reach the internet: nat (public subnets, an internet gateway and NAT gateways) or none (only the endpoints below; gen warns about services a function uses without one).',
      examples: ['none'],
    },
    endpoints: {
      type: 'array',
      items: { enum: ENDPOINT_SERVICES },
      uniqueItems: true,
      description:
        'AWS services reached without leaving the network: s3 and dynamodb through gateway endpoints, the others through interface endpoints (private DNS, their own security group admitting HTTPS from the functions).',
      examples: [['dynamodb', 's3', 'secretsmanager', 'logs']],
    },
    egress: {
      type: 'array',
      description: 'Outbound traffic functions may send besides HTTPS (port 443) to anywhere, which they always may.',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['port', 'to'],
        properties: {
          port: { type: 'integer', minimum: 1, maximum: 65535, description: 'Destination port.', examples: [5432] },
          to: {
            type: 'string',
            pattern: '^\\d{1,3}(\\.\\d{1,3}){3}/\\d{1,2}$',
            hint: 'use a CIDR block such as 10.20.0.0/16',
            description: 'Destination address range.',
            examples: ['10.20.0.0/16'],
          },
          protocol: { enum: ['tcp', 'udp'], default: 'tcp', description: 'IP protocol.' },
          description: {
            type: 'string',
            maxLength: 255,
            pattern: '^[A-Za-z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]*$',
            hint: "use letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* (what AWS accepts in a rule's description)",
            description: 'What the rule is for (shown in the console).',
            examples: ['PostgreSQL of the reporting account'],
          },
        },
      },
      examples: [[{ port: 5432, to: '10.20.0.0/16' }]],
    },
  },
};
