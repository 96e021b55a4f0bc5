/**
 * What a change really does to each resource, computed locally: the deployed template against
 * the new one, with the CloudFormation resource specification (@aws-cdk/cloudformation-diff)
 * telling which property changes force a replacement. CloudFormation's own `Replacement` field
 * is used too, but never alone (it is missing on some endpoints and for some changes).
 */
export type Impact = 'add' | 'update' | 'replace' | 'may-replace' | 'remove' | 'none';

export async function localImpacts(deployed: object, next: object): Promise<Map<string, { impact: Impact; type: string }>> {
  const { fullDiff, ResourceImpact } = await import('@aws-cdk/cloudformation-diff');
  const diff = fullDiff(deployed as never, next as never);
  const impacts = new Map<string, { impact: Impact; type: string }>();
  const toImpact: Record<string, Impact> = {
    [ResourceImpact.WILL_CREATE]: 'add', [ResourceImpact.WILL_UPDATE]: 'update', [ResourceImpact.WILL_REPLACE]: 'replace',
    [ResourceImpact.MAY_REPLACE]: 'may-replace', [ResourceImpact.WILL_DESTROY]: 'remove', [ResourceImpact.WILL_ORPHAN]: 'remove',
    [ResourceImpact.WILL_IMPORT]: 'add', [ResourceImpact.NO_CHANGE]: 'none',
  };
  diff.resources.forEachDifference((logicalId, change) => {
    impacts.set(logicalId, { impact: toImpact[change.changeImpact] ?? 'update', type: change.newResourceType ?? change.oldResourceType ?? 'unknown' });
  });
  return impacts;
}
