/**
 * Every platform rule, and running them. One rule per file, named by the rule: template rules in
 * template/, project rules in project/. The CLI is one esbuild bundle, so the folders cannot be
 * scanned at run time: the lists below are the registry, and tests/rules/registry.test.ts fails when
 * a file in those folders is missing from them (or a listed rule has no file of its own).
 *
 * Ids: GEN-P1..GEN-P14 are the 14 correctness properties of the platform design, numbered as the
 * design numbers them. GEN-G<n> are guardrails (breadth.md §3.14): G1, G2, G3 and G7 as numbered
 * there, G9 the consumed-queue dead-letter warning, G5 its WAF part (log destinations' names, web
 * ACLs without logging; the DNSSEC-key part waits for DNSSEC), G4 CloudFront distributions, G6 state
 * machines; G8 (IAM for sqs, sns, states, events, kms) is reserved. An id is never reused or renumbered.
 */
import { error, warning, type Diagnostic, type Location } from '../diagnostics.js';
import { environmentDifferentiation } from './project/environment-differentiation.js';
import { handlerCoverage } from './project/handler-coverage.js';
import type { AnyRule, Project, ProjectRule, Rule, RuleContext, RuleInfo, StackToCheck, Violation } from './rule.js';
import { alarmActions } from './template/alarm-actions.js';
import { apiValidation } from './template/api-request-validation.js';
import { bucketSecurity } from './template/bucket-security.js';
import { cloudfrontSecurity } from './template/cloudfront-security.js';
import { consumedQueueDeadLetter } from './template/consumed-queue-dead-letter.js';
import { stateMachineObservability } from './template/state-machine-observability.js';
import { eventTargetDeadLetter } from './template/event-target-dead-letter.js';
import { functionConfiguration } from './template/function-configuration.js';
import { iamGranularity } from './template/iam-granularity.js';
import { kmsKeys } from './template/kms-keys.js';
import { logRetention } from './template/log-retention.js';
import { queueEncryption } from './template/queue-encryption.js';
import { queueVisibilityTimeout } from './template/queue-visibility-timeout.js';
import { secretSecurity } from './template/secret-security.js';
import { securityGroupIngress } from './template/security-group-ingress.js';
import { tableSchema } from './template/table-schema.js';
import { tableSecurity } from './template/table-security.js';
import { tagging } from './template/tagging.js';
import { topicSecurity } from './template/topic-security.js';
import { wafLogging } from './template/waf-logging.js';

export type { ProjectRule, Rule, RuleContext, StackToCheck } from './rule.js';

/** Rules over CloudFormation templates (template/). */
export const TEMPLATE_RULES: readonly Rule[] = [
  tableSchema,
  tableSecurity,
  bucketSecurity,
  functionConfiguration,
  apiValidation,
  secretSecurity,
  topicSecurity,
  iamGranularity,
  kmsKeys,
  alarmActions,
  logRetention,
  tagging,
  queueEncryption,
  queueVisibilityTimeout,
  eventTargetDeadLetter,
  securityGroupIngress,
  consumedQueueDeadLetter,
  stateMachineObservability,
  wafLogging,
  cloudfrontSecurity,
];

/** Rules over the project: spec, handler files, environment files (project/). */
export const PROJECT_RULES: readonly ProjectRule[] = [handlerCoverage, environmentDifferentiation];

/** Design properties by number, then guardrails by number: the order `gen rules` and `gen check` list them in. */
const order = (rule: RuleInfo) => {
  const [, kind, n] = /^GEN-([PG])(\d+)$/.exec(rule.id) ?? [];
  return (kind === 'P' ? 0 : 1000) + Number(n);
};

export const ALL_RULES: readonly AnyRule[] = [...TEMPLATE_RULES, ...PROJECT_RULES].sort((a, b) => order(a) - order(b));

export const ruleById = (id: string) => ALL_RULES.find((r) => r.id === id);

/** A rule's finding as a GEN601 diagnostic, at the finding's severity (else the rule's), with its fix (else the rule's). */
function diagnostic(rule: RuleInfo, v: Violation, text: string, location?: Location): Diagnostic {
  const make = (v.severity ?? rule.severity ?? 'error') === 'warning' ? warning : error;
  return make('GEN601', `${rule.id} ${rule.name}: ${text}: ${v.message}`, location, v.fix ?? rule.fix);
}

/**
 * Run every template rule on every stack. The stacks are one environment's, checked together: a
 * rule of scope 'environment' sees them all (context.stacks) and reports resources of the stack it
 * is run on. Each violation is a GEN601 diagnostic naming rule, stack file and resource.
 */
export function checkStacks(
  stacks: StackToCheck[],
  context: Omit<RuleContext, 'stackName' | 'stacks'>,
  locate: (logicalId: string) => Location | undefined = () => undefined,
): Diagnostic[] {
  return stacks.flatMap((stack) =>
    TEMPLATE_RULES.flatMap((rule) =>
      rule
        .check(stack.template, { ...context, stackName: stack.stackName, stacks })
        .map((v) => diagnostic(rule, v, `${v.resource} in ${stack.file}`, locate(v.resource))),
    ),
  );
}

export function projectViolations(rules: readonly ProjectRule[], project: Project): Diagnostic[] {
  return rules.flatMap((rule) => rule.check(project).map((v) => diagnostic(rule, v, v.resource, v.location)));
}
