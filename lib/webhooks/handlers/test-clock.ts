// test_helpers.test_clock.* — a test clock moved: its customers' time-based notifications are computed at the
// clock's new time (lib/notifications). Deleted clocks and clocks still advancing are ignored.
import type Stripe from 'stripe';
import { handleTestClockTime } from '@/lib/notifications';
import { ignored, type EventHandler } from '../types';

export const handleTestClockEvent: EventHandler = async (event) => {
  const clock = event.data.object as Partial<Stripe.TestHelpers.TestClock>;
  if (event.type !== 'test_helpers.test_clock.ready' || !clock.id || typeof clock.frozen_time !== 'number') return ignored;
  await handleTestClockTime({ id: clock.id, frozen_time: clock.frozen_time });
  return { outcome: 'processed' };
};
