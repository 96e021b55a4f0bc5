/**
 * GEN705: a REST API whose definition changes without a new deployment. An API Gateway stage
 * serves the deployment it points to, a snapshot; CloudFormation does not redeploy a RestApi whose
 * Body changed ("you must create a new deployment for changes to take effect": API Gateway
 * Developer Guide, Deploying a REST API). gen names each deployment by a hash of the routes, so a
 * change the hash misses deploys cleanly and changes nothing: a warning.
 */
import { same, type Template, type UpdateRule, updatedPairs } from './rule.js';

const DEFINITION = ['Body', 'BodyS3Location'];
const deployments = (t: Template) =>
  Object.entries(t.Resources ?? {})
    .filter(([, r]) => r.Type === 'AWS::ApiGateway::Deployment')
    .map(([id]) => id)
    .sort();

export const apiDeployment: UpdateRule = {
  code: 'GEN705',
  title: "a REST API's definition changed without a new deployment (the stage would keep serving the old one)",
  source: 'API Gateway Developer Guide, Deploying a REST API: changes take effect only in a new deployment',
  check: (pair) => {
    if (same(deployments(pair.deployed), deployments(pair.next))) {
      return updatedPairs(pair, 'AWS::ApiGateway::RestApi').flatMap(([logicalId, before, after]) =>
        DEFINITION.some((p) => !same(before.Properties?.[p], after.Properties?.[p]))
          ? [
              {
                code: 'GEN705' as const,
                severity: 'warning' as const,
                logicalId,
                message: `the definition of ${logicalId} changes, but its deployment does not: the stage keeps serving the deployed API, so the change would not reach callers`,
                fix: "give the deployment a new logical ID whenever the definition changes (gen names its own ApiDeployment<hash> by the routes; if this is gen's API, please report it)",
              },
            ]
          : [],
      );
    }
    return [];
  },
};
