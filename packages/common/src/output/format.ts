import { RktError } from '../errors.js';
import type { JsonFormat } from './json.js';

/** rkt's --format values; '' (the flag's default) is the human table or key=value form, here 'text'. */
export type OutputFormat = 'text' | JsonFormat;

export function parseFormat(value: string | undefined): OutputFormat {
  switch (value) {
    case undefined:
    case '':
      return 'text';
    case 'json':
    case 'json-pretty':
      return value;
    default:
      throw new RktError(
        'INVALID_FORMAT',
        `invalid argument ${JSON.stringify(value)} for --format=${value}: Invalid format option: ${value}`,
      );
  }
}

export function isJsonFormat(format: OutputFormat): format is JsonFormat {
  return format !== 'text';
}
