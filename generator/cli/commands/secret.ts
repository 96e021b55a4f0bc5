/**
 * gen secret put <name> --env <env> | gen secret list --env <env>: set a secret's value out of band
 * (never on the command line, where shell history and process lists keep it) and see which secrets
 * still have none.
 */
import { readFileSync } from 'node:fs';
import type { Argv } from 'yargs';
import { hasErrors } from '../../diagnostics.js';
import { suggestion } from '../../naming/did-you-mean.js';
import { build } from '../../pipeline/build.js';
import { secretName, secretsOf } from '../../sections/secrets/model.js';
import type { SecretState, SpecSecret } from '../../deploy/secrets.js';
import { printDiagnostics, printJson } from '../common.js';
import { EXIT } from '../exit-codes.js';
import { readHidden, readAll } from '../read-input.js';
import { withTarget, withTargetOptions, type TargetArgs } from './target-options.js';

interface SecretArgs extends TargetArgs {
  action: 'put' | 'list';
  name?: string;
  file?: string;
}

const STATE_WORDS: Record<SecretState['state'], string> = {
  missing: 'not deployed',
  empty: 'no value yet: gen secret put',
  set: 'set',
};

export const secretCommand = {
  command: 'secret <action> [name]',
  describe: "Set a secret's value (put) or show which secrets have one (list); values never enter a template",
  builder: (yargs: Argv) =>
    withTargetOptions(yargs)
      .positional('action', { choices: ['put', 'list'] as const, describe: 'put: set the value; list: show states' })
      .positional('name', { type: 'string', describe: 'The secret, as named in the spec (put)' })
      .option('file', {
        type: 'string',
        describe: 'Read the value from this file (default: stdin; typed without echo on a terminal)',
      })
      .option('json', { type: 'boolean', default: false, describe: 'Print the result as JSON' })
      .example('$0 secret list --env test', 'which secrets are deployed and which still have no value')
      .example('$0 secret put binance-api --env test --file binance.json', 'set its value from a file')
      .example('op read op://vault/binance | $0 secret put binance-api --env test', 'or from a pipe'),
  run: (args: SecretArgs) =>
    withTarget(args, 'secret', async (target) => {
      const result = build(target.paths, target.env.name);
      if (hasErrors(result.diagnostics) || !result.spec) {
        printDiagnostics(target.paths.root, result.diagnostics);
        return EXIT.specErrors;
      }
      const spec = result.spec;
      const secrets: SpecSecret[] = secretsOf(spec).items.map(({ name, value }) => ({
        name,
        secretId: secretName(spec, target.env.name, name),
        generated: value.generate !== undefined,
      }));
      const { putSecretValue, secretStates, secretValueOf } = await import('../../deploy/secrets.js');
      if (args.action === 'list') {
        const states = await secretStates(target.clients, secrets);
        if (args.json) printJson({ command: 'secret list', environment: target.env.name, secrets: states });
        else if (states.length === 0) process.stdout.write('the spec has no secrets\n');
        else
          for (const s of states)
            process.stdout.write(`${s.name.padEnd(24)} ${s.secretId.padEnd(40)} ${STATE_WORDS[s.state]}\n`);
        // A deployed secret without a value is something a function will fail on: CI can gate on it.
        return states.some((s) => s.state === 'empty') ? EXIT.specErrors : EXIT.ok;
      }
      if (!args.name) {
        process.stderr.write(`gen: name the secret to set: gen secret put <name> --env ${target.env.name}\n`);
        return EXIT.usage;
      }
      const secret = secrets.find((s) => s.name === args.name);
      if (!secret) {
        const known = secrets.map((s) => s.name);
        process.stderr.write(
          `gen: the spec has no secret '${args.name}'.${suggestion(args.name, known)}\n` +
            `  fix: use one of: ${known.join(', ') || '(none: define it under secrets: in a spec file)'}\n`,
        );
        return EXIT.specErrors;
      }
      const value = secretValueOf(
        args.file
          ? readFileSync(args.file, 'utf8')
          : process.stdin.isTTY
            ? await readHidden(`value of ${secret.name} (${target.env.name}, not shown): `)
            : await readAll(process.stdin),
      );
      if (value === '') {
        process.stderr.write('gen: the value is empty; nothing was changed\n');
        return EXIT.specErrors;
      }
      const put = await putSecretValue(target.clients, secret, value);
      if (args.json)
        printJson({ command: 'secret put', environment: target.env.name, secret: secret.secretId, ...put });
      if (!put.ok) {
        if (!args.json) process.stderr.write(`gen: ${put.problem}\n  fix: ${put.fix}\n`);
        return EXIT.specErrors;
      }
      if (!args.json)
        process.stderr.write(
          `gen: ${secret.secretId} set (version ${put.versionId})${secret.generated ? '; it replaces the value Secrets Manager generated' : ''}\n`,
        );
      return EXIT.ok;
    }),
};
