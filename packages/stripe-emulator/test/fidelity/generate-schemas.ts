// npm run generate:schemas -w @seikyu/stripe-emulator — regenerates schemas/stripe-<version>.json from the SDK's
// type definitions. Deterministic (sorted keys): the committed file must equal a fresh generation, which
// schema-file.test.ts checks, so a stripe upgrade without regeneration fails loudly.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { createGenerator, ExposeNodeParser, type Config } from 'ts-json-schema-generator';
import { schemaFilePath, stripeSdkVersion } from './schema-file.js';

const here = dirname(fileURLToPath(import.meta.url));

// The SDK declares one interface name in several files (`Card` in Cards.d.ts and Issuing/Cards.d.ts); the
// generator names definitions by bare name and refuses duplicates. Qualify each definition with its file
// under stripe/esm/resources (`Issuing.Cards:Card`) so every name is unique and still readable in errors.
type DefinitionNameFn = (this: ExposeNodeParser, node: ts.Node, context: Parameters<ExposeNodeParser['createType']>[1]) => string;
const baseDefinitionName = (ExposeNodeParser.prototype as unknown as { getDefinitionName: DefinitionNameFn }).getDefinitionName;
(ExposeNodeParser.prototype as unknown as { getDefinitionName: DefinitionNameFn }).getDefinitionName = function (node, context) {
  const name = baseDefinitionName.call(this, node, context);
  const file = node.getSourceFile().fileName;
  const marker = '/stripe/esm/';
  const at = file.indexOf(marker);
  if (at === -1) return name;
  const qualifier = file.slice(at + marker.length).replace(/^resources\//, '').replace(/\.d\.ts$/, '').replace(/\//g, '.');
  return `${qualifier}:${name}`;
};

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

const OTHER_STRING_REF = '#/definitions/shared%3AOtherString';

/**
 * The SDK types its enums as `'a' | 'b' | OtherString` so that new values Stripe adds do not break callers. An
 * emulator must only send the values this API version documents, so the open branch is dropped and a union of
 * string literals becomes an `enum` (which also gives one readable error: "is not one of [...]").
 */
function closeEnums(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(closeEnums);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  const anyOf = record.anyOf;
  if (Array.isArray(anyOf)) {
    const closed = anyOf.filter((branch) => !(branch && typeof branch === 'object' && (branch as { $ref?: unknown }).$ref === OTHER_STRING_REF));
    const literals = closed.every((b) => b && typeof b === 'object' && typeof (b as { const?: unknown }).const === 'string');
    if (closed.length > 0 && literals) {
      delete record.anyOf;
      record.type = 'string';
      record.enum = closed.map((b) => (b as { const: string }).const);
    } else if (closed.length === 1 && closed.length !== anyOf.length) {
      delete record.anyOf;
      Object.assign(record, closed[0]);
    } else {
      record.anyOf = closed;
    }
  }
  for (const value of Object.values(record)) closeEnums(value);
}

export function generateSchemaText(): string {
  const config: Config = {
    path: `${here}/stripe-object-types.ts`,
    type: 'StripeObjects',
    expose: 'export',
    topRef: true,
    jsDoc: 'none',
    skipTypeCheck: true,
    additionalProperties: false,
    sortProps: true,
    strictTuples: false,
    encodeRefs: true,
  };
  const schema = createGenerator(config).createSchema(config.type);
  // The SDK turns decimal strings (`unit_amount_decimal`) into Decimal objects after parsing; on the wire
  // they are strings such as "12.5".
  const definitions = schema.definitions ?? {};
  if (!definitions['Decimal:Decimal']) throw new Error('expected the SDK Decimal type in the generated schema');
  definitions['Decimal:Decimal'] = { type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$' };
  // Event payloads: `data.object` is typed `{}` in the SDK (any object) and checked on its own by `object`.
  for (const name of ['Events:Event.Data.Object', 'Events:Event.Data.PreviousAttributes']) {
    if (!definitions[name]) throw new Error(`expected ${name} in the generated schema`);
    definitions[name] = { type: 'object' };
  }
  closeEnums(schema);
  // Anonymous types are named after a hash of their file's path, which differs between runners; keep only the
  // positions so the file is the same wherever it is generated.
  const stable = JSON.parse(JSON.stringify(schema).replace(/interface-\d+-(\d+)-(\d+)-\d+-(\d+)-(\d+)/g, 'anonymous-$1-$2-$3-$4')) as unknown;
  return `${JSON.stringify(sortKeys({ stripeVersion: stripeSdkVersion(), schema: stable }), null, 1)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const text = generateSchemaText();
  const file = schemaFilePath();
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`wrote ${file} (${(text.length / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
