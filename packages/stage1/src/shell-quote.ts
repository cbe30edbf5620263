/** One word for a POSIX shell: single-quoted, each `'` written as `'\''`. Safe for any string without NUL. */
export function shellQuote(word: string): string {
  if (word.includes('\0')) throw new Error('a shell word cannot hold NUL');
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Words for `eval "set -- $WORDS"`: each quoted, joined by spaces. */
export function shellWords(words: readonly string[]): string {
  return words.map(shellQuote).join(' ');
}

/** `NAME='value'` for a file that a shell sources. */
export function shellAssign(name: string, value: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a shell variable name: ${name}`);
  return `${name}=${shellQuote(value)}`;
}
