// The OpenAPI document is a contract: its schemas compile, and what the API answers fits them.
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { usageOpenApiDocument } from './openapi';
import { validateUsageEvents } from './validate-events';

const doc = usageOpenApiDocument('https://billing.example.com');
const ajv = new Ajv2020({ strict: false });
ajv.addSchema({ $id: 'doc', components: doc.components });
const schema = (name: keyof typeof doc.components.schemas) => ajv.getSchema(`doc#/components/schemas/${name}`)!;

describe('usage OpenAPI document', () => {
  it('documents the three routes with their refusals', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/usage-events', '/api/v1/usage-summary', '/api/v1/limits']);
    expect(Object.keys(doc.paths['/api/v1/usage-events'].post.responses)).toEqual(['202', '400', '401', '413', '429']);
  });

  it('describes the error body the API sends for invalid events', () => {
    const result = validateUsageEvents({ events: [{ meter: 'nope', value: 1, identifier: 'a' }, { meter: 'device_hours', value: -1, identifier: 'b' }] }, { knownMeters: new Set(['device_hours']), nowSeconds: 1_765_000_000 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const body = { error: { code: result.code, message: result.message, errors: result.errors } };
    expect(schema('Error')(body)).toBe(true);
    expect(schema('Error')({ error: { code: 'x', message: 'y', errors: [{ index: 0, code: 'made_up', message: 'z' }] } })).toBe(false);
  });

  it('accepts the documented request example and refuses an event without an identifier', () => {
    const example = doc.paths['/api/v1/usage-events'].post.requestBody.content['application/json'].example;
    expect(schema('UsageEventsRequest')(example)).toBe(true);
    expect(schema('UsageEventsRequest')({ events: [{ meter: 'device_hours', value: 1 }] })).toBe(false);
  });
});
