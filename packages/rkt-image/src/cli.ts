import { runCli } from '@rkt/common';

void runCli('image', () => Promise.resolve(254));
