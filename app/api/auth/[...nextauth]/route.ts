// GET/POST /api/auth/* — next-auth: magic-link callback, OAuth callbacks, session, CSRF.
import { handlers } from '@/lib/auth/auth';

export const { GET, POST } = handlers;
