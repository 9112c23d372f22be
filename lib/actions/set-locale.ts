'use server';
// The language switcher: saved on the user (so it follows them to other devices) and in a cookie (so it also
// works before sign-in and on the sign-in email).
import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { updateUserLocale } from '@/db/queries/users';
import { getCurrentUser } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { actionClient } from './safe-action';
import { setLocaleSchema } from '@/lib/i18n/locale-schema';

export const setLocaleAction = actionClient
  .metadata({ actionName: 'setLocale' })
  .inputSchema(setLocaleSchema)
  .action(async ({ parsedInput }) => {
    const user = await getCurrentUser();
    if (user) await updateUserLocale({ userId: user.id, locale: parsedInput.locale });
    (await cookies()).set(LOCALE_COOKIE, parsedInput.locale, {
      path: '/',
      maxAge: 60 * 60 * 24 * 365,
      sameSite: 'lax',
      httpOnly: true,
      secure: env.APP_URL.startsWith('https://'),
    });
    revalidatePath('/', 'layout');
    return { locale: parsedInput.locale };
  });

/**
 * The header's language buttons post here (a plain form, so the header needs no client component and works
 * without scripts). Validation is setLocaleAction's: a `locale` that is not one of ours changes nothing.
 */
export async function setLocaleFromForm(formData: FormData): Promise<void> {
  await setLocaleAction({ locale: formData.get('locale') as never });
}
