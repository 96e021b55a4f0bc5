/** Which dropped resources a stack keeps until the stacks after it are updated (removal-order.ts). */
import { describe, expect, it } from 'vitest';
import { keepingDropped } from '../../generator/deploy/removal-order.js';

const deployed = {
  Resources: {
    NewFunction: { Type: 'AWS::Lambda::Function', Properties: {} },
    OldFunction: {
      Type: 'AWS::Lambda::Function',
      Properties: { Role: { 'Fn::GetAtt': ['OldRole', 'Arn'] } },
      DependsOn: ['OldLogGroup'],
    },
    OldRole: { Type: 'AWS::IAM::Role', Properties: {} },
    OldLogGroup: { Type: 'AWS::Logs::LogGroup', Properties: {} },
    OldDeployment: { Type: 'AWS::ApiGateway::Deployment', Properties: {} },
  },
};
const next = JSON.stringify({ Resources: { NewFunction: { Type: 'AWS::Lambda::Function', Properties: {} } } });

describe('keepingDropped', () => {
  it('keeps a dropped target with what it refers to, and nothing no later stack can use', () => {
    const kept = keepingDropped(next, deployed, ['OldLogGroup']);
    expect(kept.kept).toEqual(['OldFunction', 'OldLogGroup', 'OldRole']);
    expect(Object.keys(JSON.parse(kept.body).Resources)).toEqual([
      'NewFunction',
      'OldFunction',
      'OldLogGroup',
      'OldRole',
    ]);
  });

  it('keeps nothing when data would be dropped without --allow-replace: the guard refuses that at once', () => {
    expect(keepingDropped(next, deployed, [])).toEqual({ body: next, kept: [] });
  });

  it('keeps nothing when nothing a later stack uses is dropped', () => {
    const onlyDeployment = {
      Resources: { ...JSON.parse(next).Resources, OldDeployment: deployed.Resources.OldDeployment },
    };
    expect(keepingDropped(next, onlyDeployment, []).kept).toEqual([]);
    expect(keepingDropped(next, undefined, []).kept).toEqual([]);
  });

  it('replaces the placeholder of an emptied stack with what it keeps', () => {
    const empty = JSON.stringify({
      Resources: { EmptyStackPlaceholder: { Type: 'AWS::CloudFormation::WaitConditionHandle' } },
    });
    const kept = keepingDropped(empty, { Resources: { Q: { Type: 'AWS::SQS::Queue' } } }, ['Q']);
    expect(Object.keys(JSON.parse(kept.body).Resources)).toEqual(['Q']);
  });
});
