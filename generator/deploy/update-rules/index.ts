/**
 * The AWS update rules, and running them on one stack's (deployed, new) pair. The list is the
 * registry: README's table and tests/deploy/update-rules.test.ts read it. Codes never change.
 */
import { byText } from '../../order.js';
import { localImpacts } from '../replacements.js';
import { apiDeployment } from './api-deployment.js';
import { dynamodbIndexChanges } from './dynamodb-index-changes.js';
import { kmsKeyPolicyLockout } from './kms-key-policy-lockout.js';
import { localIndexes } from './local-indexes.js';
import { namedReplacement } from './named-replacement.js';
import type { Template, UpdateFinding, UpdateRule } from './rule.js';
import { subnetCidr } from './subnet-cidr.js';

export type { Template, UpdateFinding, UpdateRule } from './rule.js';

export const UPDATE_RULES: readonly UpdateRule[] = [
  dynamodbIndexChanges,
  namedReplacement,
  kmsKeyPolicyLockout,
  subnetCidr,
  apiDeployment,
  localIndexes,
];

/** Every rule on one stack: `deployed` is {} for a stack not deployed yet (then only creation rules can find anything). */
export async function checkUpdate(deployed: Template, next: Template): Promise<UpdateFinding[]> {
  const impacts = await localImpacts(deployed, next);
  return UPDATE_RULES.flatMap((rule) => rule.check({ deployed, next, impacts })).sort(
    (a, b) => byText(a.code, b.code) || byText(a.logicalId, b.logicalId),
  );
}

/**
 * The rules that need no replacement analysis, on the previous build in out/<env>/ (what the last
 * deploy sent, when the last command was a deploy): `gen build` reports them as warnings, since it
 * cannot know what is deployed; a subnet's replacement (GEN704's first half) is left to `gen diff`.
 */
export function checkSinceLastBuild(previous: Template, next: Template): UpdateFinding[] {
  const impacts = new Map();
  return UPDATE_RULES.filter((rule) => !rule.needsImpacts).flatMap((rule) =>
    rule.check({ deployed: previous, next, impacts }),
  );
}

/** What a deploy must refuse: everything but warnings (staged changes are warnings). */
export const refusals = (findings: readonly UpdateFinding[]) => findings.filter((f) => f.severity === 'error');
