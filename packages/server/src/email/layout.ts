/**
 * The e-mail's two parts, text and HTML, laid out from one list of sections so they cannot drift
 * apart: a field added to one is in the other.
 */
import { escapeHtml } from './format.ts';

/** A value with a human part and, optionally, a machine part shown after it. */
export interface Row {
  label: string;
  value: string;
  /** Rendered as a link in HTML. */
  href?: string;
}

export interface Section {
  title: string;
  rows?: Row[];
  /** Free text that keeps its line breaks (the notes, the briefing). */
  body?: string;
}

export function renderText(heading: string, sections: Section[]): string {
  const out: string[] = [heading, ''];
  for (const s of sections) {
    out.push(s.title, '-'.repeat(s.title.length));
    if (s.body !== undefined) out.push(s.body, '');
    if (s.rows?.length) {
      const width = Math.max(...s.rows.map((r) => r.label.length)) + 2;
      for (const r of s.rows) out.push(`${`${r.label}:`.padEnd(width)}${r.value}`);
      out.push('');
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** Text with its line breaks, escaped for HTML. */
function htmlLines(value: string): string {
  return escapeHtml(value).replace(/\n/g, '<br>\n');
}

export function renderHtml(subject: string, heading: string, sections: Section[]): string {
  const font = 'font-family:Arial,Helvetica,sans-serif';
  const body = sections
    .map((s) => {
      const title = `<h2 style="${font};font-size:15px;margin:20px 0 8px;color:#1f2937;border-bottom:1px solid #e5e7eb;padding-bottom:4px">${escapeHtml(s.title)}</h2>`;
      const text =
        s.body !== undefined
          ? `<div style="${font};font-size:14px;line-height:1.5;color:#111827;background:#f9fafb;border-left:3px solid #9ca3af;padding:8px 12px;margin:0 0 8px">${htmlLines(s.body)}</div>`
          : '';
      const rows = s.rows?.length
        ? `<table role="presentation" cellpadding="0" cellspacing="0" style="border-collapse:collapse;${font};font-size:14px;color:#111827">${s.rows
            .map((r) => {
              const value = r.href ? `<a href="${escapeHtml(r.href)}" style="color:#1d4ed8">${htmlLines(r.value)}</a>` : htmlLines(r.value);
              return `<tr><th scope="row" align="left" valign="top" style="padding:3px 16px 3px 0;font-weight:600;color:#4b5563;white-space:nowrap">${escapeHtml(r.label)}</th><td valign="top" style="padding:3px 0">${value}</td></tr>`;
            })
            .join('\n')}</table>`
        : '';
      return `${title}\n${text}${rows}`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:16px;background:#ffffff">
<div style="max-width:640px;margin:0 auto">
<h1 style="${font};font-size:18px;margin:0 0 12px;color:#111827">${escapeHtml(heading)}</h1>
${body}
</div>
</body>
</html>
`;
}
