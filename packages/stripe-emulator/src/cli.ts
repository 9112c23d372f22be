// `npm run emulator`: starts the Stripe emulator from environment variables.
//   EMULATOR_PORT (12111), EMULATOR_HOST (127.0.0.1), EMULATOR_DATA (state file), EMULATOR_WEBHOOK_URL,
//   EMULATOR_WEBHOOK_SECRET (whsec_seikyu_emulator), EMULATOR_THIN_WEBHOOK_URL (v2 thin events),
//   EMULATOR_THIN_WEBHOOK_SECRET (whsec_seikyu_emulator_thin), EMULATOR_PUBLIC_URL, EMULATOR_LOG (1 = log requests).
import { startEmulator } from './server.js';
import { DEFAULT_THIN_WEBHOOK_SECRET, DEFAULT_WEBHOOK_SECRET } from './emulator.js';

function fail(message: string): never {
  process.stderr.write(`stripe-emulator: ${message}\n`);
  process.exit(1);
}

const env = process.env;
const port = env.EMULATOR_PORT ? Number(env.EMULATOR_PORT) : 12111;
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`EMULATOR_PORT must be a port number, got '${env.EMULATOR_PORT}'`);
const webhookSecret = env.EMULATOR_WEBHOOK_SECRET || DEFAULT_WEBHOOK_SECRET;
if (!webhookSecret.startsWith('whsec_')) fail('EMULATOR_WEBHOOK_SECRET must start with whsec_');
const thinWebhookSecret = env.EMULATOR_THIN_WEBHOOK_SECRET || DEFAULT_THIN_WEBHOOK_SECRET;
if (!thinWebhookSecret.startsWith('whsec_')) fail('EMULATOR_THIN_WEBHOOK_SECRET must start with whsec_');
for (const name of ['EMULATOR_WEBHOOK_URL', 'EMULATOR_THIN_WEBHOOK_URL'] as const) {
  if (!env[name]) continue;
  try {
    new URL(env[name]);
  } catch {
    fail(`${name} is not a URL: '${env[name]}'`);
  }
}

const running = await startEmulator({
  port,
  host: env.EMULATOR_HOST || '127.0.0.1',
  dataFile: env.EMULATOR_DATA || undefined,
  webhookUrl: env.EMULATOR_WEBHOOK_URL || undefined,
  webhookSecret,
  thinWebhookUrl: env.EMULATOR_THIN_WEBHOOK_URL || undefined,
  thinWebhookSecret,
  publicUrl: env.EMULATOR_PUBLIC_URL || undefined,
  log: env.EMULATOR_LOG === '1' ? (line) => process.stdout.write(`${line}\n`) : undefined,
});

process.stdout.write(
  `Stripe emulator (API 2026-10-28.endive) listening on ${running.url}` +
    (env.EMULATOR_DATA ? `, state in ${env.EMULATOR_DATA}` : ', state in memory') +
    (env.EMULATOR_WEBHOOK_URL ? `, webhooks to ${env.EMULATOR_WEBHOOK_URL}` : '') +
    (env.EMULATOR_THIN_WEBHOOK_URL ? `, thin events to ${env.EMULATOR_THIN_WEBHOOK_URL}` : '') +
    '\n',
);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void running.close().then(() => process.exit(0));
  });
}
