/**
 * GEN-P1, design property 1. Why: CloudFormation rejects a table whose key attribute has no
 * AttributeDefinition, and also one that defines an attribute no key or index uses ("The number of
 * attributes in key schema must match the number of attributes defined"). Declaring each key once,
 * with its type, is what makes the table match the data model the handlers expect. Keys of global
 * and local secondary indexes count as keys.
 */
import { resourcesOf, type Rule } from '../rule.js';

export const tableSchema: Rule = {
  id: 'GEN-P1',
  name: 'table-schema',
  property: 1,
  scope: 'stack',
  title: 'DynamoDB table schema compliance',
  description:
    'Every key of a table and of its indexes is declared once in AttributeDefinitions with a type, and every declared attribute is a key.',
  fix: 'declare each key attribute exactly once with its type (gen does this from the spec)',
  check: (template) =>
    resourcesOf(template, 'AWS::DynamoDB::Table').flatMap(([id, r]) => {
      const declared = new Map<string, string>(
        (r.Properties?.AttributeDefinitions ?? []).map((a: any) => [a.AttributeName, a.AttributeType]),
      );
      const indexes = [...(r.Properties?.GlobalSecondaryIndexes ?? []), ...(r.Properties?.LocalSecondaryIndexes ?? [])];
      const keys = [r.Properties?.KeySchema ?? [], ...indexes.map((i: any) => i.KeySchema ?? [])]
        .flat()
        .map((k: any) => k.AttributeName as string);
      const missing = keys.filter((k) => !declared.has(k));
      const unused = [...declared.keys()].filter((a) => !keys.includes(a));
      return [
        ...missing.map((k) => ({ resource: id, message: `key attribute '${k}' has no AttributeDefinition` })),
        ...unused.map((a) => ({ resource: id, message: `attribute '${a}' is declared but is not a key` })),
      ];
    }),
};
