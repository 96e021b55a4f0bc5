/** gen rules: list the platform rules, documented from their own metadata. */
import type { Argv } from 'yargs';
import { ALL_RULES } from '../../rules/index.js';
import { printJson } from '../common.js';
import { EXIT } from '../exit-codes.js';

export const rulesCommand = {
  command: 'rules',
  describe: 'List the platform rules that gen build and gen check enforce',
  builder: (yargs: Argv) =>
    yargs.option('json', { type: 'boolean', default: false, describe: 'Print the rules as JSON' }),
  run: (args: { json: boolean }) => {
    // property: the design's number (GEN-P rules only); scope: stack, environment (all stacks together) or project.
    const rules = ALL_RULES.map(({ id, name, property, title, description, fix, scope, severity = 'error' }) => ({
      id,
      name,
      property,
      title,
      description,
      fix,
      scope,
      severity,
    }));
    if (args.json) printJson(rules);
    else
      for (const r of rules)
        process.stdout.write(
          `${r.id} ${r.name}${r.severity === 'warning' ? ' (warning)' : ''}: ${r.title}\n  ${r.description}\n  fix: ${r.fix}\n\n`,
        );
    return EXIT.ok;
  },
};
