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

/**
 * moto's CloudFormation skips AWS::SecretsManager::Secret, so on the local endpoint a deploy leaves
 * every secret 'not deployed': say so, rather than "deploy first" to someone who just did.
 */
const onMotoNote = (secretId: string, endpoint: string) =>
  `on the local endpoint (moto) gen deploy does not create secrets: moto's CloudFormation skips AWS::SecretsManager::Secret (gen deploy --local lists it among the types it skips). To try gen secret there, create the secret first (aws secretsmanager create-secret --name ${secretId} --endpoint-url ${endpoint}); on AWS, gen deploy creates it`;

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
      const { answers } = await import('../../deploy/moto.js');
      const endpoint = target.clients.endpoint;
      const motoAt = endpoint !== undefined && (await answers(endpoint)) ? endpoint : undefined;
      if (args.action === 'list') {
        const states = await secretStates(target.clients, secrets);
        if (args.json) printJson({ command: 'secret list', environment: target.env.name, secrets: states });
        else if (states.length === 0) process.stdout.write('the spec has no secrets\n');
        else
          for (const s of states)
            process.stdout.write(`${s.name.padEnd(24)} ${s.secretId.padEnd(40)} ${STATE_WORDS[s.state]}\n`);
        const missing = states.find((s) => s.state === 'missing');
        if (motoAt && missing && !args.json)
          process.stderr.write(`gen: note: ${onMotoNote(missing.secretId, motoAt)}\n`);
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
      const tried = await putSecretValue(target.clients, secret, value);
      const put = !tried.ok && motoAt ? { ...tried, fix: onMotoNote(secret.secretId, motoAt) } : tried;
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
