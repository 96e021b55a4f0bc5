/**
 * Diagnostics are collected, never thrown: every stage returns them next to its result.
 * A diagnostic points into a source file by a JSON path; it becomes `file:line:col` only
 * when printed (see cli/report.ts), so stages stay free of text positions.
 */
export type Severity = 'error' | 'warning';

/** Where a diagnostic points: a file and a path of keys/indexes inside its YAML document. */
export interface Location {
  file: string;
  path: (string | number)[];
  /** Point at the key of the last path segment instead of its value (unknown keys, names). */
  at?: 'key' | 'value';
  /** A raw offset, for errors the YAML parser reports before there is any document path. */
  offset?: number;
}

export interface Diagnostic {
  /** Stable code, grouped by category (see CODES). */
  code: Code;
  severity: Severity;
  location?: Location;
  message: string;
  /** How to fix it, in words a non-infrastructure developer can act on. */
  fix?: string;
}

/**
 * Stable diagnostic codes. Categories: 1xx YAML, 2xx schema, 3xx references,
 * 4xx environments, 5xx output limits, 6xx platform rules, 7xx AWS update rules (GEN701-GEN729:
 * changes CloudFormation on AWS would refuse or that need staging, checked against the deployed
 * stacks). Never renumber: CI scripts match on them.
 */
export const CODES = {
  GEN101: 'YAML syntax error',
  GEN102: 'duplicate key in YAML',
  GEN103: 'tab used for indentation',
  GEN104: 'file is not a mapping of sections',
  GEN105: 'empty spec file',
  GEN106: 'spec folder not found',
  GEN201: 'unknown key',
  GEN202: 'missing required key',
  GEN203: 'wrong type',
  GEN204: 'number out of range',
  GEN205: 'value not allowed',
  GEN206: 'badly formed value',
  GEN207: 'invalid name',
  GEN208: 'too few or too many entries',
  GEN301: 'unknown table',
  GEN302: 'unknown function',
  GEN303: 'unknown index',
  GEN304: 'handler file not found',
  GEN305: 'duplicate route',
  GEN306: 'duplicate name across files',
  GEN307: 'request body schema not found or invalid',
  GEN308: 'unknown environment in a per-environment value',
  GEN309: 'inconsistent key definition',
  GEN310: 'no routes for an API alarm',
  GEN311: 'missing project metadata',
  GEN312: 'unknown name (a reference to an item another section does not define)',
  GEN318: "queue visibility timeout below its consumer's timeout",
  GEN319: 'overlapping bucket notifications',
  GEN320: 'physical name too long in an environment',
  GEN321: 'target the delivering service does not support',
  GEN322: 'event rule name used on two buses',
  GEN323: 'invalid schedule expression, time zone or window',
  GEN330: 'runtime deprecated by AWS within a year',
  GEN331: 'handler function not found in its file',
  GEN332: 'per-environment value that leaves out an environment',
  GEN333: 'runtime retired by AWS (functions can no longer be created with it)',
  GEN334: 'Python requirement without an exact version',
  GEN340: 'sort key is the partition key',
  GEN341: 'parameter named twice in a route',
  GEN342: 'value not allowed in an AWS tag',
  GEN343: 'name longer than its section allows',
  GEN344: 'spec file not in UTF-8',
  GEN345: 'handler written with its file extension',
  GEN346: 'handler file outside the project',
  GEN347: 'symbolic link that loops or leads nowhere',
  GEN348: 'file or folder cannot be read',
  GEN349: 'output folder cannot be written',
  GEN360: "secret encrypted with the default key 'secrets', which is not defined",
  GEN361: 'key alias already given to a key gen makes',
  GEN362: 'generated secret value that cannot be made (template without field, field also in template)',
  GEN363: 'secret name ending like the random suffix of a secret ARN',
  GEN350: 'workflow names a state that does not exist',
  GEN351: 'workflow state unreachable, or no state ends the workflow',
  GEN352: 'Express workflow limit (integration it cannot run, function timeout over 5 minutes)',
  GEN353: 'state-language definition file not found or invalid',
  GEN354: 'workflow state badly formed (no kind or two, keys of another kind, next and end)',
  GEN365: 'key not allowed beside the keys written (handler or runtime with image)',
  GEN366: 'image folder not found',
  GEN367: 'Dockerfile not found in the image folder',
  GEN368: 'image folder outside the project',
  GEN369: 'Dockerfile without CMD or ENTRYPOINT',
  GEN375: 'backup selects no tables',
  GEN376: 'backup copy vault not in another region',
  GEN377: 'budget alert given twice',
  GEN378: 'time-series store not available to this account (Timestream for LiveAnalytics is closed to new customers)',
  GEN355: 'network range or zone not accepted by AWS (environment file)',
  GEN356: 'service unreachable from a private network without internet',
  GEN357: 'function asks for a network the spec does not define',
  GEN385: 'cache without a network to run in',
  GEN386: "cache's AUTH token secret cannot be created (no secrets key, or its name is taken)",
  GEN387: 'cache name not accepted by ElastiCache',
  GEN388: 'cache asked for but not usable (no cache section, function outside the network, variable taken)',
  GEN389: 'cache Multi-AZ without a replica (environment file)',
  GEN390: 'API custom domain without routes',
  GEN391: 'hosted zone missing for an environment',
  GEN392: "site access logs into the site's own bucket",
  GEN396: 'firewall with nothing to protect (no site and no API in edge)',
  GEN397: "firewall rate limit outside WAF's range",
  GEN398: 'firewall log bucket name too long for S3',
  GEN399: 'firewall without any rule',
  GEN401: 'unknown environment',
  GEN402: 'no environments defined',
  GEN403: 'domain name the edge needs is not set (environment file)',
  GEN404: 'API domain outside the hosted zone gen creates (environment file)',
  GEN405: 'site and API at the same domain name (environment file)',
  GEN501: 'stack over the CloudFormation resource limit',
  GEN502: 'template over the CloudFormation size limit',
  GEN503: 'duplicate logical ID',
  GEN504: 'resource moved to another stack',
  GEN505: 'stateful resource would have to move to another stack',
  GEN506: 'placement file out of date (--locked)',
  GEN507: 'placement file unreadable',
  GEN508: 'reference between stacks',
  GEN509: 'template too large for a stack outside the environment region',
  GEN510: 'stack outside the environment region needs what gen provides in that region only',
  GEN601: 'platform rule violated',
  GEN701: 'more than one global secondary index created or deleted in one table update (staged by gen deploy)',
  GEN702: 'a resource that keeps its custom name would be replaced',
  GEN703: 'a KMS key policy that locks every principal out of changing it',
  GEN704: 'a subnet replaced while keeping its CIDR block',
  GEN705: "a REST API's definition changed without a new deployment",
  GEN706: 'local secondary indexes of a deployed table changed',
} as const;
export type Code = keyof typeof CODES;

export const error = (code: Code, message: string, location?: Location, fix?: string): Diagnostic => ({
  code,
  severity: 'error',
  message,
  ...(location ? { location } : {}),
  ...(fix ? { fix } : {}),
});

export const warning = (code: Code, message: string, location?: Location, fix?: string): Diagnostic => ({
  ...error(code, message, location, fix),
  severity: 'warning',
});

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');
