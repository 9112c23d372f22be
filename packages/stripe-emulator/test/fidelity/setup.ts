// Vitest setup file: every test fails when a response it received broke the stripe SDK's types.
import { afterEach } from 'vitest';
import { expectNoFidelityViolations } from './validated-stripe.js';

afterEach(async () => {
  await expectNoFidelityViolations();
});
