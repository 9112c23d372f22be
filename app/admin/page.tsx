// GET /admin — the back-office starts at the customer list.
import { redirect } from 'next/navigation';
import { requireOperator } from '@/lib/auth/session';

export default async function AdminHomePage() {
  await requireOperator();
  redirect('/admin/customers');
}
