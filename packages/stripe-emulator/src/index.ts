// Public entry of @seikyu/stripe-emulator.
export { startEmulator, type RunningEmulator } from './server.js';
export { Emulator, DEFAULT_WEBHOOK_SECRET, type EmulatorOptions } from './emulator.js';
export { API_VERSION, diffAttributes, snapshot, type EventObject, type EventType } from './core/events.js';
export { ZERO_DECIMAL_CURRENCIES, isZeroDecimal, currencyDecimals, formatAmount } from './core/currency.js';
export { TEST_CARDS, testCardByNumber, testCardByToken, type TestCard } from './cards.js';
export { signPayload } from './webhooks/signature.js';
/** The platform account's fixed id (GET /v1/account), documented so callers can tell their own account from another. */
export { PLATFORM_ACCOUNT_ID as EMULATOR_ACCOUNT_ID } from './connect/accounts.js';
export { DEFAULT_WEBHOOK_SETTINGS, STATIC_ENDPOINT_ID, type WebhookSettings, type DeliveryRecord } from './webhooks/dispatcher.js';
export { PLATFORM_ACCOUNT_ID } from './connect/accounts.js';
