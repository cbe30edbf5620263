/** One `<meta name="ac-…" content="PREFIX URI">` tag. */
export interface MetaTag {
  name: string;
  prefix: string;
  uri: string;
}

/**
 * The appc tags of a discovery page, in document order, like appc's Go parser: only in the head
 * (parsing stops at `</head>`), name starting with `ac-`, content split at its first space into a
 * prefix and a URI (both required). htmlparser2 is loaded on first use, off every start-up path.
 */
export async function parseDiscoveryMeta(html: string): Promise<MetaTag[]> {
  const { Parser } = await import('htmlparser2');
  const tags: MetaTag[] = [];
  let done = false;
  const parser = new Parser(
    {
      onopentag(tag, attrs) {
        if (done || tag !== 'meta') return;
        const name = attrs['name'] ?? '';
        const [prefix = '', ...rest] = (attrs['content'] ?? '').trim().split(' ');
        const uri = rest.join(' ').trim();
        if (name.startsWith('ac-') && prefix !== '' && uri !== '') tags.push({ name, prefix, uri });
      },
      onclosetag(tag) {
        if (tag === 'head') done = true;
      },
    },
    { decodeEntities: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  return tags;
}
