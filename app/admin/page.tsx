// GET /admin — the back-office starts at the customer list.
import { redirect } from 'next/navigation';
import { operatorTitleMetadata } from '@/lib/admin/title-metadata';
import { requireOperator } from '@/lib/auth/session';

// Never shown to an operator (they are sent on); a customer gets the 404's title through it.
export const generateMetadata = operatorTitleMetadata('admin', 'customersTitle');

export default async function AdminHomePage() {
  await requireOperator();
  redirect('/admin/customers');
}
