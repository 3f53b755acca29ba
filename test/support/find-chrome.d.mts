/** Path of a Chromium to drive; installs Debian's when possible, else exits with an instruction. */
export function findChrome(): string;
/** Flags for headless Chromium on this kind of machine. */
export const chromeArgs: string[];
