/** Every platform rule, and running them over stacks. */
import { error, type Diagnostic, type Location } from '../diagnostics.js';
import { apiValidation, functionConfiguration, iamGranularity } from './compute-rules.js';
import { bucketSecurity, kmsKeys, secretSecurity, tableSchema, tableSecurity } from './data-rules.js';
import { alarmActions, logRetention, tagging, topicSecurity } from './observability-rules.js';
import { PROJECT_RULES, type ProjectRule } from './project-rules.js';
import type { CfnTemplate, Rule, RuleContext } from './rule.js';

export const TEMPLATE_RULES: readonly Rule[] = [
  tableSchema, tableSecurity, bucketSecurity, functionConfiguration, apiValidation, secretSecurity,
  topicSecurity, iamGranularity, kmsKeys, alarmActions, logRetention, tagging,
];

export const ALL_RULES: readonly (Rule | ProjectRule)[] = [...TEMPLATE_RULES, ...PROJECT_RULES].sort((a, b) => a.property - b.property);

export const ruleById = (id: string) => ALL_RULES.find((r) => r.id === id);

export interface StackToCheck { stackName: string; file: string; template: CfnTemplate }

/** Run every template rule on every stack; each violation is a GEN601 diagnostic naming rule, stack and resource. */
export function checkStacks(stacks: StackToCheck[], context: Omit<RuleContext, 'stackName'>, locate: (logicalId: string) => Location | undefined = () => undefined): Diagnostic[] {
  return stacks.flatMap((stack) => TEMPLATE_RULES.flatMap((rule) => rule.check(stack.template, { ...context, stackName: stack.stackName })
    .map((v) => error('GEN601', `${rule.id} ${rule.name}: ${v.resource} in ${stack.file}: ${v.message}`, locate(v.resource), rule.fix))));
}

export function projectViolations(rules: readonly ProjectRule[], project: Parameters<ProjectRule['check']>[0]): Diagnostic[] {
  return rules.flatMap((rule) => rule.check(project).map((v) => error('GEN601', `${rule.id} ${rule.name}: ${v.resource}: ${v.message}`, undefined, rule.fix)));
}
