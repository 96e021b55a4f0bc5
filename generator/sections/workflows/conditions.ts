/**
 * Choice rules: the spec writes ASL's comparison operators in camelCase (numericGreaterThan),
 * nested with and/or/not; ASL spells them in PascalCase. Only the operator names change.
 */
const TYPES = ['string', 'numeric', 'timestamp'];
const ORDER = ['Equals', 'LessThan', 'LessThanEquals', 'GreaterThan', 'GreaterThanEquals'];

/** Every comparison Step Functions has (JSONPath), in the spec's spelling. */
export const COMPARISONS: readonly string[] = [
  ...TYPES.flatMap((t) => ORDER.flatMap((o) => [`${t}${o}`, `${t}${o}Path`])),
  'stringMatches',
  'booleanEquals',
  'booleanEqualsPath',
  'isPresent',
  'isNull',
  'isString',
  'isNumeric',
  'isBoolean',
  'isTimestamp',
];

const COMBINATORS = ['and', 'or', 'not'];
const pascalKey = (key: string) => key[0].toUpperCase() + key.slice(1);

/** One condition or rule in ASL: keys renamed, values kept (nested conditions converted). */
export function conditionToAsl(rule: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(rule).map(([key, value]) => {
      if (key === 'and' || key === 'or')
        return [pascalKey(key), (value as Record<string, unknown>[]).map(conditionToAsl)];
      if (key === 'not') return ['Not', conditionToAsl(value as Record<string, unknown>)];
      return [pascalKey(key), value];
    }),
  );
}

/** What is wrong with one condition, if anything: it needs one comparison (with a variable) or one of and/or/not. */
export function conditionProblem(rule: Record<string, unknown>): string | undefined {
  const comparisons = Object.keys(rule).filter((k) => COMPARISONS.includes(k));
  const combinators = Object.keys(rule).filter((k) => COMBINATORS.includes(k));
  if (comparisons.length + combinators.length !== 1)
    return `has ${comparisons.length + combinators.length === 0 ? 'no comparison' : `${[...comparisons, ...combinators].join(' and ')}`}; a condition has exactly one comparison (with variable), or one of and, or, not`;
  if (comparisons.length === 1 && rule.variable === undefined)
    return `compares with ${comparisons[0]} but names no variable`;
  if (combinators.length === 1 && rule.variable !== undefined)
    return `has a variable beside ${combinators[0]}; move it into the conditions`;
  for (const key of ['and', 'or']) {
    for (const inner of (rule[key] as Record<string, unknown>[] | undefined) ?? []) {
      const problem = conditionProblem(inner);
      if (problem) return problem;
    }
  }
  return rule.not ? conditionProblem(rule.not as Record<string, unknown>) : undefined;
}
