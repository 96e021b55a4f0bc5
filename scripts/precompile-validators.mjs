#!/usr/bin/env node
// Package build step (after tsc): compile the spec and environment JSON Schemas into plain
// validator code with ajv standalone, so `gen` does not compile schemas at every start.
// generator/schema/ajv.ts uses dist/schema/validators.generated.cjs when it is present and
// current (same schema hash), and compiles at run time otherwise (tests run from source).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { newAjv, schemaHash } from '../dist/schema/ajv.js';
import { BUILTIN } from '../dist/sections/index.js';

const ajv = newAjv({ code: { source: true, esm: false } });
ajv.addSchema(BUILTIN.schemas.spec, 'spec');
ajv.addSchema(BUILTIN.schemas.environment, 'environment');
const code = standaloneCode.default(ajv, { spec: 'spec', environment: 'environment' });
const hash = `module.exports.schemaHash = ${JSON.stringify(schemaHash(BUILTIN.schemas))};\n`;
writeFileSync(new URL('../dist/schema/validators.generated.cjs', import.meta.url), code + '\n' + hash);
console.error(`gen: precompiled validators (${createHash('sha256').update(code).digest('hex').slice(0, 8)})`);
