// Validates Stripe response bodies against JSON Schema generated from the stripe SDK's types
// (schemas/stripe-<version>.json). Lists are checked item by item, deletion stubs against their Deleted* type,
// events together with their data.object, errors against Stripe's error shape.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { schemaFilePath } from './schema-file.js';

export interface FidelityViolation {
  /** `POST /v1/customers` — the request whose response broke the contract. */
  request: string;
  /** Where in the body: `$`, `$.data[3]`, `$.data.object`. */
  at: string;
  /** The schema key the value was checked against (`customer`, `invoice#deleted`, `error`, …). */
  schema: string;
  problems: string[];
}

interface SchemaFile {
  stripeVersion: string;
  schema: { definitions: Record<string, unknown> & { StripeObjects: { properties: Record<string, { $ref: string }> } } };
}

const SCHEMA_ID = 'https://seikyu.local/stripe-objects.json';

export class ResponseValidator {
  private readonly ajv: Ajv;
  private readonly refs: Record<string, { $ref: string }>;
  private readonly compiled = new Map<string, ValidateFunction>();
  readonly stripeVersion: string;

  constructor(file = schemaFilePath()) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as SchemaFile;
    this.stripeVersion = parsed.stripeVersion;
    this.refs = parsed.schema.definitions.StripeObjects.properties;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, inlineRefs: false });
    this.ajv.addSchema({ $id: SCHEMA_ID, definitions: parsed.schema.definitions });
  }

  /** Object types with a schema (`customer`, `invoice#deleted`, …). */
  knownKeys(): string[] {
    return Object.keys(this.refs);
  }

  private validatorFor(key: string): ValidateFunction | null {
    const cached = this.compiled.get(key);
    if (cached) return cached;
    const ref = this.refs[key];
    if (!ref) return null;
    const validate = this.ajv.compile({ $ref: `${SCHEMA_ID}${ref.$ref}` });
    this.compiled.set(key, validate);
    return validate;
  }

  /** Checks one response body; returns every violation found (empty when the body honours the contract). */
  validateResponse(request: string, statusCode: number, body: unknown): FidelityViolation[] {
    const out: FidelityViolation[] = [];
    if (request.includes(' /v2/')) {
      this.validateV2(request, statusCode, body, out);
      return out;
    }
    if (statusCode >= 400 || (isRecord(body) && 'error' in body)) {
      this.check(request, '$', 'error', body, out);
      return out;
    }
    this.validateObject(request, '$', body, out);
    return out;
  }

  /** v2: errors in the v2 shape, list pages without `object`, an empty object for the meter event stream. */
  private validateV2(request: string, statusCode: number, body: unknown, out: FidelityViolation[]): void {
    if (statusCode >= 400 || (isRecord(body) && 'error' in body)) {
      this.check(request, '$', 'v2#error', body, out);
      return;
    }
    if (isRecord(body) && body.object === undefined && Array.isArray(body.data)) {
      this.check(request, '$', 'v2#list', body, out);
      body.data.forEach((item, index) => this.validateObject(request, `$.data[${index}]`, item, out));
      return;
    }
    if (isRecord(body) && Object.keys(body).length === 0) {
      this.check(request, '$', 'v2#empty', body, out);
      return;
    }
    this.validateObject(request, '$', body, out);
  }

  private validateObject(request: string, at: string, value: unknown, out: FidelityViolation[]): void {
    if (!isRecord(value)) {
      out.push({ request, at, schema: '?', problems: [`expected a Stripe object, got ${JSON.stringify(value)?.slice(0, 80)}`] });
      return;
    }
    const objectType = value.object;
    if (typeof objectType !== 'string') {
      out.push({ request, at, schema: '?', problems: ['the object has no `object` field'] });
      return;
    }
    if (objectType === 'list' || objectType === 'search_result') {
      this.check(request, at, objectType, value, out);
      const data = Array.isArray(value.data) ? value.data : [];
      data.forEach((item, index) => this.validateObject(request, `${at}.data[${index}]`, item, out));
      return;
    }
    const key = value.deleted === true ? `${objectType}#deleted` : objectType;
    this.check(request, at, key, value, out);
    if (objectType === 'event' && isRecord(value.data) && isRecord(value.data.object) && typeof value.data.object.object === 'string') {
      this.validateObject(request, `${at}.data.object`, value.data.object, out);
    }
  }

  private check(request: string, at: string, key: string, value: unknown, out: FidelityViolation[]): void {
    const validate = this.validatorFor(key);
    if (!validate) {
      out.push({ request, at, schema: key, problems: [`no schema for object type "${key}": add it to test/fidelity/stripe-object-types.ts`] });
      return;
    }
    if (validate(value)) return;
    out.push({ request, at, schema: key, problems: describeErrors(validate.errors ?? [], value) });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Turns ajv's errors into one line per problem. A union (`string | Invoice | null`) fails once per branch; only
 * the specific errors of each path are kept (a missing field over "is not of type null").
 */
function describeErrors(errors: ErrorObject[], value: unknown): string[] {
  const lines = new Set<string>();
  const deepest = new Map<string, ErrorObject[]>();
  for (const error of errors) {
    if (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'if') continue;
    const list = deepest.get(error.instancePath) ?? [];
    list.push(error);
    deepest.set(error.instancePath, list);
  }
  for (const list of deepest.values()) {
    // A union that failed on every branch reports "is not of type null/string" beside the real problem.
    const specific = list.filter((error) => error.keyword !== 'type');
    for (const error of specific.length ? specific : list) lines.add(formatError(error, value));
  }
  if (lines.size === 0) for (const error of errors) lines.add(formatError(error, value));
  return [...lines].slice(0, 30);
}

function formatError(error: ErrorObject, root: unknown): string {
  const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : '(root)';
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return `${where}: missing required field "${String(params.missingProperty)}"`;
    case 'additionalProperties':
      return `${where}: field "${String(params.additionalProperty)}" is not in the SDK's type`;
    case 'enum':
      return `${where}: ${JSON.stringify(valueAt(root, error.instancePath))} is not one of ${JSON.stringify(params.allowedValues)}`;
    case 'const':
      return `${where}: ${JSON.stringify(valueAt(root, error.instancePath))} is not ${JSON.stringify(params.allowedValue)}`;
    case 'type':
      return `${where}: ${JSON.stringify(valueAt(root, error.instancePath))?.slice(0, 60)} is not of type ${String(params.type)}`;
    default:
      return `${where}: ${error.message ?? error.keyword}`;
  }
}

function valueAt(root: unknown, pointer: string): unknown {
  let current: unknown = root;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) current = current[Number(key)];
    else if (isRecord(current)) current = current[key];
    else return undefined;
  }
  return current;
}
