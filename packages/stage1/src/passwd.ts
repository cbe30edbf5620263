/** One line of an image's /etc/passwd or /etc/group: its name and numeric id. */
export interface IdEntry {
  name: string;
  id: number;
}

/**
 * `name:x:ID:...` lines (passwd: the uid is field 3; group: the gid is field 3). Comments, blank and
 * malformed lines are skipped, as getpwnam does.
 */
export function parseIdFile(text: string): IdEntry[] {
  const out: IdEntry[] = [];
  for (const line of text.split('\n')) {
    const fields = line.split(':');
    const [name, , id] = fields;
    if (name === undefined || name === '' || name.startsWith('#') || id === undefined || !/^[0-9]+$/.test(id))
      continue;
    out.push({ name, id: Number(id) });
  }
  return out;
}
