import { runCli } from '@rkt/common';

void runCli('fetch', () => Promise.resolve(254));
