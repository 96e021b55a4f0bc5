/**
 * GEN-P6, design property 6. Why: API Gateway rejects a malformed request before it reaches (and is
 * billed to) a function only when the method has a request validator; a body is checked only against
 * a JSON schema in the method's requestBody. Parameters are validated on every method, bodies on the
 * methods that carry one (POST, PUT, PATCH); CORS preflight (OPTIONS) carries nothing to validate.
 */
import { resourcesOf, type Rule } from '../rule.js';

const BODY_METHODS = ['post', 'put', 'patch'];

export const apiValidation: Rule = {
  id: 'GEN-P6',
  name: 'api-request-validation',
  property: 6,
  scope: 'stack',
  title: 'API Gateway request validation',
  description:
    'Every API method validates its request: parameters always, and a JSON body schema for POST, PUT and PATCH.',
  fix: 'give every operation a request validator (x-amazon-apigateway-request-validator) and POST/PUT/PATCH a requestBody schema',
  check: (template) => [
    ...resourcesOf(template, 'AWS::ApiGateway::RestApi').flatMap(([id, r]) => {
      const body = r.Properties?.Body;
      if (!body?.paths) return [];
      const validators = body['x-amazon-apigateway-request-validators'] ?? {};
      return Object.entries(body.paths as Record<string, Record<string, any>>).flatMap(([path, operations]) =>
        Object.entries(operations)
          .filter(([method]) => method !== 'options')
          .flatMap(([method, op]) => {
            const validator =
              validators[op['x-amazon-apigateway-request-validator'] ?? body['x-amazon-apigateway-request-validator']];
            const where = `${method.toUpperCase()} ${path}`;
            return [
              ...(validator?.validateRequestParameters
                ? []
                : [{ resource: id, message: `${where} does not validate request parameters` }]),
              ...(BODY_METHODS.includes(method) &&
              !(validator?.validateRequestBody && op.requestBody?.content?.['application/json']?.schema)
                ? [{ resource: id, message: `${where} does not validate its body against a schema` }]
                : []),
            ];
          }),
      );
    }),
    ...resourcesOf(template, 'AWS::ApiGateway::Method')
      .filter(([, r]) => r.Properties?.HttpMethod !== 'OPTIONS')
      .flatMap(([id, r]) =>
        r.Properties?.RequestValidatorId ? [] : [{ resource: id, message: 'method has no request validator' }],
      ),
  ],
};
