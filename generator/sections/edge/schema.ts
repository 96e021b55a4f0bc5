import { KEBAB_NAME, type JsonSchema } from '../../schema/json-schema.js';
import { firewallSchema } from './firewall/schema.js';

/** Hosted zone ids as Route 53 gives them (Z and uppercase letters and digits). */
export const ZONE_ID = '^Z[A-Z0-9]{1,32}$';
/** `none`, or a whole number of seconds, minutes, hours, days or years. */
export const DURATION = '^(none|[1-9][0-9]{0,5} (second|minute|hour|day|year)s?)$';
/** CloudFront's path pattern characters (its quota: 25 cache behaviours a distribution). */
const PATH_PATTERN = '^(default|[A-Za-z0-9_.*?$/~"\'@:+&-]{1,255})$';

const bucket = (description: string, example: string): JsonSchema => ({
  type: 'string',
  pattern: KEBAB_NAME,
  hint: 'use the name of a bucket from the buckets section',
  description,
  examples: [example],
});

const zone: JsonSchema = {
  description:
    "create: a Route 53 hosted zone for the environment's domain.name (kept when the environment is protected; delegate its name servers once at your registrar or parent zone). Or the id of an existing hosted zone per environment, each value an id or create.",
  examples: ['create', { test: 'create', production: 'Z0123456789ABCDEFGHIJ' }],
  if: { type: 'object' },
  then: {
    type: 'object',
    minProperties: 1,
    propertyNames: { pattern: KEBAB_NAME, hint: 'use environment names such as test or production' },
    additionalProperties: {
      type: 'string',
      pattern: `(^create$)|(${ZONE_ID})`,
      hint: 'use create or a hosted zone id such as Z0123456789ABCDEFGHIJ',
    },
  },
  else: {
    type: 'string',
    const: 'create',
    hint: 'write create, or give each environment a hosted zone id or create: { test: create, production: Z0123456789ABCDEFGHIJ }',
  },
};

const site: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['bucket'],
  description:
    "A CloudFront distribution at the environment's domain.name in front of a bucket of the spec, read through origin access control: HTTPS only (HTTP redirects), TLS 1.2 or later, compressed, IPv6.",
  examples: [{ bucket: 'frontend-assets', cache: { '/assets/*': '1 year', default: 'none' } }],
  properties: {
    bucket: bucket(
      'The bucket whose objects the site serves (its policy admits only this distribution).',
      'frontend-assets',
    ),
    rootObject: {
      type: 'string',
      pattern: '^[A-Za-z0-9_.~-][A-Za-z0-9_./~-]{0,254}$',
      hint: 'use an object key such as index.html',
      default: 'index.html',
      description: "The object served at the site's root URL.",
      examples: ['index.html'],
    },
    cache: {
      type: 'object',
      maxProperties: 26,
      minProperties: 1,
      propertyNames: {
        pattern: PATH_PATTERN,
        hint: 'use a CloudFront path pattern such as /assets/* or default',
      },
      additionalProperties: {
        type: 'string',
        pattern: DURATION,
        hint: "use none or a duration such as '1 year', '30 days', '1 hour'",
      },
      description:
        "How long CloudFront keeps objects, by path pattern in the order written (the first match wins), and default for the rest (default none): none is AWS's managed CachingDisabled policy; a duration is a cache policy of gen's own keeping objects that long (gzip and Brotli in the cache key; no cookies, headers or query strings).",
      examples: [{ '/assets/*': '1 year', default: 'none' }],
    },
    logs: bucket(
      "A bucket of the spec that receives the site's access logs (CloudFront standard logging v2 through CloudWatch Logs delivery, under AWSLogs/; not the site's bucket).",
      'audit-logs',
    ),
  },
};

export const edgeSchema: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['zone'],
  description:
    "The edge of the environment, at the names of its environment file's domain: a hosted zone, DNS-validated certificates, a CloudFront site and the API's custom domain, with alias records, and optionally AWS WAF in front of the site and the API (firewall). CloudFront's parts deploy to us-east-1 (stack edge-global), the API's to the environment's region (stack edge).",
  examples: [{ zone: 'create', site: { bucket: 'frontend-assets', cache: { '/assets/*': '1 year' } }, api: true }],
  properties: {
    zone,
    site,
    api: {
      type: 'boolean',
      default: false,
      description:
        "The REST API of the routes at the environment's domain.api: a regional API Gateway domain name (TLS 1.2) with its own certificate, mapped to the environment's stage, and an alias record.",
      examples: [true],
    },
    firewall: firewallSchema,
  },
};
