// Input of switching the interface language.
import { z } from 'zod';
import { locales } from './config';

export const setLocaleSchema = z.object({ locale: z.enum(locales) });
