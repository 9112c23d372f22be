// Checkout helpers shared by the specs that press the checkout's submit button.
import { expect, type Page } from '@playwright/test';

/**
 * Scrolls the form's submit button into view and waits until it stops moving. Below the fold, a click that
 * scrolls and presses at once sometimes lands in the card frame while the page settles (seen with the
 * emulator's card frame), and the press then never reaches the button.
 */
export async function bringSubmitIntoView(page: Page, formTestId = 'checkout-form'): Promise<void> {
  const submit = page.locator(`form[data-testid="${formTestId}"] button[type="submit"]`);
  await submit.scrollIntoViewIfNeeded();
  let last = '';
  await expect
    .poll(async () => {
      const box = await submit.boundingBox();
      const now = box ? `${box.x},${box.y}` : '';
      const settled = now !== '' && now === last;
      last = now;
      return settled;
    }, { intervals: [300], timeout: 10_000 })
    .toBe(true);
}
