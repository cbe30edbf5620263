/**
 * Go's json.Indent with an empty prefix and a tab: what json.MarshalIndent(v, "", "\t") prints for the
 * JSON `compact` (valid JSON). Strings are copied as they are, so Go's escapes survive; empty objects
 * and arrays stay `{}` and `[]`.
 */
export function indentJson(compact: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  let pendingOpen = false;
  const newline = () => '\n' + '\t'.repeat(depth);
  for (let i = 0; i < compact.length; i++) {
    const c = compact[i]!;
    if (inString) {
      out += c;
      if (c === '\\') out += compact[++i] ?? '';
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    if (pendingOpen) {
      pendingOpen = false;
      if (c !== '}' && c !== ']') {
        depth++;
        out += newline();
      } else {
        out += c;
        continue;
      }
    }
    switch (c) {
      case '{':
      case '[':
        out += c;
        pendingOpen = true;
        break;
      case '}':
      case ']':
        depth--;
        out += newline() + c;
        break;
      case ',':
        out += ',' + newline();
        break;
      case ':':
        out += ': ';
        break;
      case '"':
        inString = true;
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}
