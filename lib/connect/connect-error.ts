// Refusals an operator can correct, each with its sentence in messages/<locale>.json under connect.errors.
import { AppError } from '@/lib/errors';

export function connectInputError(reason: string, message: string, values?: Record<string, string>): AppError {
  return new AppError('invalid_input', message, { reason, userMessageKey: { key: `connect.errors.${reason}`, values } });
}
