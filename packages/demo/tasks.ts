/** Sample customer tasks for the demo queue. */
export interface Task {
  id: string;
  title: string;
  customer: string;
  accountId: string;
  phone?: string;
  email?: string;
  category?: string;
}

export const taskPool: Task[] = [
  {
    id: 'T-1042',
    title: 'Disputed $450 charge',
    customer: 'Ana Ruiz',
    accountId: '88231',
    phone: '+1 555 0100 123',
    email: 'ana.ruiz@example.com',
    category: 'billing',
  },
  { id: 'T-1043', title: 'Router reboots every hour', customer: 'Ben Okafor', accountId: '77410', phone: '+1 555 0100 456' },
  {
    id: 'T-1044',
    title: 'Quote higher than advertised',
    customer: 'Chloé Martin',
    accountId: '66502',
    email: 'chloe.martin@example.com',
    category: 'pricing',
  },
  {
    id: 'T-1045',
    title: 'Unhappy with last visit',
    customer: 'Dev Patel',
    accountId: '55193',
    phone: '+1 555 0100 789',
    email: 'dev.patel@example.com',
    category: 'complaint',
  },
  { id: 'T-1046', title: 'Moving house, wants to keep number', customer: 'Eva Novák', accountId: '44820' },
  {
    id: 'T-1047',
    title: 'Refund for cancelled add-on',
    customer: 'Femi Adeyemi',
    accountId: '33371',
    email: 'femi@example.com',
    category: 'billing',
  },
];
