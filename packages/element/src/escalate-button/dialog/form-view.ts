/**
 * What the form template is given, from the dialog's parts: the values and the problems to show
 * (the form's own and, while its error stands, the server's), the policy's reading of the case,
 * and what the note suggests.
 */
import type { FormView } from './form.template.ts';
import type { FormState } from './form-state.ts';
import type { Noticing } from './noticing.ts';
import { routingView } from './routing-view.ts';
import type { Submission } from './submission.ts';

export function formView(form: FormState, submission: Submission, noticing: Noticing, supportPhone?: string): FormView {
  const { status, serverErrors } = submission;
  const errors = form.errors(form.issues(submission.input(), form.schemaShows));
  // The server's issues stand next to the fields as long as its error does.
  if (status.kind === 'error') for (const [f, m] of serverErrors) if (!errors.has(f)) errors.set(f, m);
  return {
    strings: form.strings,
    values: form.values,
    categories: form.categories,
    errors,
    busy: status.kind === 'submitting',
    failure: status.kind === 'error' ? status.message : undefined,
    summary: form.submitted && errors.size > 0 && status.kind === 'editing',
    address: form.address(form.values.contactMethod),
    knownContactOnly: form.knownContactOnly(),
    urgency: form.urgency(),
    currency: form.currency,
    suggestions: noticing.current(),
    routing: routingView(form),
    teamName: (id) => form.teamName(id),
    // The button's or the provider's number, else the policy's (the procedures' support line).
    supportPhone: supportPhone ?? form.policy.support.phone,
  };
}
