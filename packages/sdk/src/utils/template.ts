/** Fills `{name}` placeholders; `null` when any has no value, so a sentence is left out rather than printed with a gap. */
export function fill(template: string, values: Record<string, string | undefined>): string | null {
  let missing = false;
  const out = template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const v = values[key];
    if (v === undefined) missing = true;
    return v ?? '';
  });
  return missing ? null : out;
}
