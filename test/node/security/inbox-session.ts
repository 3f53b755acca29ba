/**
 * Signing in, for the tests that need someone signed in: a person of a given role in the store,
 * the inbox's own form filled by keyboard in Chromium, or a session taken through the API as a
 * script would (cookie and CSRF token).
 */
import type { Page } from 'puppeteer-core';
import { addUser, type AccessStore, type Role } from '../../../packages/server/src/index.ts';

export interface Person {
  email: string;
  password: string;
  name: string;
  role: Role;
}

const names: Record<Role, string> = { agent: 'Avery Agent', member: 'Morgan Member', lead: 'Lee Lead' };

/** A user of `role` added straight to the store (as `pnpm escalate users add` would), with a known password. */
export async function addPerson(store: { access: AccessStore }, role: Role, email = `${role}@example.com`): Promise<Person> {
  const person = { email, password: `pw-${crypto.randomUUID()}`, name: names[role], role };
  const added = await addUser(store.access, person, new Date());
  if (added === 'email_taken') throw new Error(`${email} exists already`);
  return person;
}

/** Opens the inbox and signs in through its form by keyboard; resolves once the signed-in line shows. */
export async function signInToInbox(page: Page, inboxUrl: string, person: Pick<Person, 'email' | 'password'>): Promise<void> {
  await page.goto(inboxUrl);
  await page.waitForSelector('escalation-inbox >>> #email');
  await page.type('escalation-inbox >>> #email', person.email);
  await page.type('escalation-inbox >>> #password', person.password);
  await page.keyboard.press('Enter');
  await page.waitForSelector('escalation-inbox >>> .account');
}

export interface ApiSession {
  /** `escalate_session=…`, for a `Cookie` header. */
  cookie: string;
  csrfToken: string;
}

/** Signs in with `POST /api/session`, as a script (no browser) would. */
export async function apiSession(baseUrl: string, person: Pick<Person, 'email' | 'password'>): Promise<ApiSession> {
  const response = await fetch(`${baseUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: person.password }),
  });
  if (response.status !== 200) throw new Error(`Signing in as ${person.email} answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie()[0]?.split(';', 1)[0] ?? '';
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie, csrfToken };
}
