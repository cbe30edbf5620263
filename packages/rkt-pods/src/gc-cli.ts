import { podsMain } from './cli-main.js';
import { GC } from './defs.js';
import { gcPods } from './gc.js';
import { gcOptions } from './options.js';

podsMain(GC, (ctx, io) => {
  const o = gcOptions(ctx);
  return o === 'usage' ? o : gcPods(o, io);
});
