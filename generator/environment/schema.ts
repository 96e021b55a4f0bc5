import { integer, settings as obj, type JsonSchema } from '../schema/json-schema.js';

/** Retention periods CloudWatch Logs accepts, in days. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/**
 * Schema of environments/<name>.yaml: the settings every environment has, then each section's
 * own part under its key (Section.environment), then settings reserved for sections to come.
 * Defaults are the test-environment values of the platform design.
 */
const CORE: Record<string, JsonSchema> = {
  region: {
    type: 'string',
    pattern: '^[a-z]{2}(-gov)?-[a-z]+-\\d$',
    hint: 'use an AWS region code such as eu-central-1',
    description: 'AWS region to deploy to.',
    examples: ['eu-central-1'],
  },
  account: {
    type: 'string',
    pattern: '^\\d{12}$',
    hint: 'use the 12-digit AWS account id, quoted',
    description: 'AWS account id; deploys into any other account are refused.',
    examples: ['123456789012'],
  },
  protected: {
    type: 'boolean',
    default: false,
    description: 'Keep tables on delete/replace (Retain) and require approval to deploy.',
  },
  logRetentionDays: {
    type: 'integer',
    enum: LOG_RETENTION_DAYS,
    default: 30,
    description: 'Days CloudWatch keeps function and API logs.',
  },
};

/**
 * A DNS host name as Route 53, ACM, CloudFront and API Gateway all take it: lowercase labels of
 * letters, digits and inner dashes, at least two, 253 characters at most (no wildcards, no trailing dot).
 */
export const HOST_NAME = '^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$';
const hostName = (description: string, example: string): JsonSchema => ({
  type: 'string',
  pattern: HOST_NAME,
  maxLength: 253,
  hint: 'use a lowercase host name such as test.example.com: letters, digits, dashes and dots, no scheme or path',
  description,
  examples: [example],
});

/**
 * Domain names of the environment, read by the edge section (no defaults: a zone, certificate or
 * distribution for a name nobody chose would be a mistake; the edge section asks for what it needs).
 */
const DOMAIN: Record<string, JsonSchema> = {
  domain: {
    ...obj('Domain names of the environment, used by the edge section (GEN403-GEN405).', {
      name: hostName(
        "The site's domain: the hosted zone's name when edge.zone creates one, the CloudFront site's address and its certificate's name.",
        'test.example.com',
      ),
      api: hostName(
        "The API's custom domain (edge.api): its certificate, API Gateway domain name and alias record; inside domain.name when the zone is created.",
        'api.test.example.com',
      ),
    }),
    examples: [{ name: 'test.example.com', api: 'api.test.example.com' }],
  },
};

/** Reserved for the sections to come (audit). */
const RESERVED: Record<string, JsonSchema> = {
  audit: obj('Audit log retention.', {
    logRetentionDays: integer(1, 36500, 'Days audit logs are kept.', { default: 90 }),
  }),
};

/** Sections with settings, as this schema needs them (a structural type: the registry stays above this floor). */
export interface WithSettings {
  key: string;
  environment?: JsonSchema;
}

export function environmentSchema(sections: readonly WithSettings[]): JsonSchema {
  const { default: _rootDefault, ...root } = obj(
    'Settings of one environment (environments/<name>.yaml).',
    {
      ...CORE,
      ...Object.fromEntries(sections.filter((s) => s.environment).map((s) => [s.key, s.environment!])),
      ...DOMAIN,
      ...RESERVED,
    },
    ['region'],
  );
  return { $id: 'https://gen.dev/schemas/environment.json', title: 'gen environment file', ...root };
}
