// The usage API's OpenAPI 3.1 document, served at GET /api/v1/openapi.json. A contract: change it only with the
// API, never silently (the test beside it checks the document against what the handlers answer).
import { MAX_BODY_BYTES, MAX_EVENT_VALUE, MAX_EVENTS_PER_REQUEST, MAX_IDENTIFIER_LENGTH } from './validate-events';

const error = (codes: string[], description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, example: { error: { code: codes[0], message: '…' } } } },
});

const unauthorized = error(['unauthorized'], 'No key, a malformed, unknown or revoked key.');
const rateLimited = {
  ...error(['rate_limited'], "Over the organization's request rate. Wait `Retry-After` seconds."),
  headers: { 'Retry-After': { description: 'Seconds to wait before retrying.', schema: { type: 'integer', minimum: 1 } } },
};

export function usageOpenApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Seikyu usage API',
      version: '1.1.0',
      description: [
        'Report usage of your product to Seikyu, read it back, and ask what your plan allows.',
        '',
        'Authenticate with an API key created under Settings → API keys in the portal: `Authorization: Bearer sk_usage_…`. Each key belongs to one organization and only ever sees that organization.',
        '',
        'Events are stored exactly once per `identifier` (repeats are harmless duplicates, so retry freely). Accepted events are reported to Stripe in the background, once per customer·meter·hour, and billed on the metered plan; usage without a metered plan is kept and shown but not billed (a plan chosen later bills usage from its start).',
        '',
        'Devices: a device that runs for an hour reports `device_hours` with value 1 for that hour (identifier e.g. `dev-42-2026-12-06T10`), one that runs part of it the part it ran; the sum of the current clock hour, rounded up to whole devices, is the number of devices in use (`devices_in_use`), which `GET /api/v1/limits` compares with the plan’s capacity.',
      ].join('\n'),
    },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }],
    paths: {
      '/api/v1/usage-events': {
        post: {
          operationId: 'createUsageEvents',
          summary: 'Report usage events',
          description: `Up to ${MAX_EVENTS_PER_REQUEST} events and ${MAX_BODY_BYTES} bytes per request. Any invalid event rejects the whole request and nothing from it is stored. 202 means the events are durably stored.`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/UsageEventsRequest' },
                example: { events: [{ meter: 'device_hours', value: 2, timestamp: 1765000000, identifier: 'dev-42-2026-12-06T10' }] },
              },
            },
          },
          responses: {
            '202': {
              description: 'Stored. `accepted` new events, `duplicates` whose identifier was already stored (or repeated in this request).',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/UsageEventsAccepted' }, example: { accepted: 1, duplicates: 0 } } },
            },
            '400': {
              description: 'Malformed JSON (`invalid_json`), not an object with a non-empty `events` array (`invalid_request`), or invalid events (`invalid_events`, one entry per invalid event in `errors`).',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/Error' },
                  example: { error: { code: 'invalid_events', message: '1 of 2 events are invalid; nothing was stored.', errors: [{ index: 1, code: 'unknown_meter', message: '"meter" must be one of: device_hours, diagnosis_requests.' }] } },
                },
              },
            },
            '401': unauthorized,
            '413': error(['too_many_events', 'payload_too_large'], `More than ${MAX_EVENTS_PER_REQUEST} events (\`too_many_events\`) or a body over ${MAX_BODY_BYTES} bytes (\`payload_too_large\`).`),
            '429': rateLimited,
          },
        },
      },
      '/api/v1/usage-summary': {
        get: {
          operationId: 'getUsageSummary',
          summary: 'Accepted usage of one meter, in day or hour buckets',
          description: "Sums the accepted events with a timestamp in [start, end). Days are days in the organization's time zone (`timezone`); every bucket is listed, empty ones with 0, the first and last clipped to [start, end), so the buckets add up to `total`.",
          parameters: [
            { name: 'meter', in: 'query', required: true, schema: { type: 'string' }, example: 'device_hours' },
            { name: 'start', in: 'query', required: true, schema: { type: 'integer' }, description: 'Unix seconds, inclusive.' },
            { name: 'end', in: 'query', required: true, schema: { type: 'integer' }, description: 'Unix seconds, exclusive; at most 400 days (day) or 35 days (hour) after start.' },
            { name: 'granularity', in: 'query', required: false, schema: { type: 'string', enum: ['day', 'hour'], default: 'day' } },
          ],
          responses: {
            '200': { description: 'The summary.', content: { 'application/json': { schema: { $ref: '#/components/schemas/UsageSummary' } } } },
            '400': error(['invalid_parameter'], 'A missing or invalid parameter, named in `param`.'),
            '401': unauthorized,
            '429': rateLimited,
          },
        },
      },
      '/api/v1/limits': {
        get: {
          operationId: 'getLimits',
          summary: "The organization's plan, device capacity and what is left",
          description: 'Ask before starting a device: `allowed` is false when no device may start (capacity reached or exceeded, or the free year is over without a paid plan or a 30-day pass). Usage over the limit is refused here, never silently billed; usage that already happened is recorded, and `over_capacity` says the limit was exceeded. A valid 30-day pass gives its capacity until `pass_valid_until`; beside a paid plan the larger capacity applies, and `plan` names the one that gives it.',
          responses: {
            '200': { description: 'The limits.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Limits' } } } },
            '401': unauthorized,
            '429': rateLimited,
          },
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'A usage API key (`sk_usage_…`).' } },
      schemas: {
        UsageEvent: {
          type: 'object',
          required: ['meter', 'value', 'identifier'],
          properties: {
            meter: { type: 'string', description: "A meter's event name in the catalogue (`device_hours`, `diagnosis_requests`)." },
            value: { type: 'number', minimum: 0, maximum: MAX_EVENT_VALUE },
            timestamp: { type: 'integer', description: 'Unix seconds; default now. Within the past 35 days and at most 5 minutes ahead.' },
            identifier: { type: 'string', minLength: 1, maxLength: MAX_IDENTIFIER_LENGTH, description: 'Unique per organization; a repeat is a harmless duplicate (the first one counts).' },
          },
        },
        UsageEventsRequest: {
          type: 'object',
          required: ['events'],
          properties: { events: { type: 'array', minItems: 1, maxItems: MAX_EVENTS_PER_REQUEST, items: { $ref: '#/components/schemas/UsageEvent' } } },
        },
        UsageEventsAccepted: {
          type: 'object',
          required: ['accepted', 'duplicates'],
          properties: { accepted: { type: 'integer', minimum: 0 }, duplicates: { type: 'integer', minimum: 0 } },
        },
        UsageSummary: {
          type: 'object',
          required: ['meter', 'granularity', 'timezone', 'total', 'buckets'],
          properties: {
            meter: { type: 'string' },
            granularity: { type: 'string', enum: ['day', 'hour'] },
            timezone: { type: 'string', description: "The organization's IANA time zone, e.g. Asia/Tokyo." },
            total: { type: 'number' },
            buckets: {
              type: 'array',
              items: { type: 'object', required: ['start', 'end', 'value'], properties: { start: { type: 'integer' }, end: { type: 'integer' }, value: { type: 'number' } } },
            },
          },
        },
        Limits: {
          type: 'object',
          required: ['plan', 'capacity', 'in_use', 'remaining', 'free_tier_ends_at', 'allowed', 'pass_valid_until', 'devices_in_use', 'over_capacity'],
          properties: {
            plan: {
              type: ['object', 'null'],
              required: ['product_name', 'tier', 'price_lookup_key'],
              properties: { product_name: { type: 'string' }, tier: { type: ['string', 'null'] }, price_lookup_key: { type: ['string', 'null'] } },
            },
            capacity: { type: ['integer', 'null'], description: 'Concurrent devices allowed; null for no limit.' },
            in_use: { type: 'number', description: 'Device-hours reported for the current clock hour.' },
            remaining: { type: ['number', 'null'], description: 'Devices that may still start this hour: `capacity` − `devices_in_use`, never below 0; null for no limit.' },
            free_tier_ends_at: { type: ['integer', 'null'], description: 'Unix seconds when the free year ends; null on a paid plan.' },
            allowed: { type: 'boolean' },
            pass_valid_until: { type: ['integer', 'null'], description: 'Unix seconds until which the 30-day pass runs; null without a valid pass. Added in 1.1.0.' },
            devices_in_use: { type: 'integer', minimum: 0, description: 'Devices running this clock hour: `in_use` rounded up to whole devices (a device that ran part of the hour counts). Added in 1.1.0.' },
            over_capacity: { type: 'boolean', description: 'More devices ran this hour than `capacity` allows (the usage is recorded; `allowed` is false). Added in 1.1.0.' },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: { type: 'string' },
                message: { type: 'string' },
                param: { type: 'string' },
                errors: {
                  type: 'array',
                  items: {
                    type: 'object',
                    required: ['index', 'code', 'message'],
                    properties: {
                      index: { type: 'integer' },
                      code: { type: 'string', enum: ['invalid_event', 'unknown_meter', 'invalid_value', 'invalid_timestamp', 'invalid_identifier'] },
                      message: { type: 'string' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  } as const;
}
