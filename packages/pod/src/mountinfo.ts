/** Mount points listed in a /proc/<pid>/mountinfo text (field 5, octal escapes decoded). */
export function mountPoints(mountinfo: string): string[] {
  const points: string[] = [];
  for (const line of mountinfo.split('\n')) {
    const field = line.split(' ')[4];
    if (field !== undefined)
      points.push(field.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8))));
  }
  return points;
}

/** Mount points at or below `dir`, deepest first (the order to unmount them in). */
export function mountsBelow(mountinfo: string, dir: string): string[] {
  const root = dir.replace(/\/+$/, '');
  return mountPoints(mountinfo)
    .filter((p) => p === root || p.startsWith(root + '/'))
    .sort((a, b) => b.length - a.length);
}
