import { isJsonFormat, parseFormat } from '@rkt/common';
import { podsMain } from './cli-main.js';
import { LIST } from './defs.js';
import { listCommand } from './list.js';
import { listOptions } from './options.js';

let json = false;
podsMain(
  LIST,
  (ctx, io) => {
    json = isJsonFormat(parseFormat(ctx.parsed.flags.get('format')));
    const o = listOptions(ctx);
    return o === 'usage' ? o : listCommand(o, io);
  },
  () => json,
);
