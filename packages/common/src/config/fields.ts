/** Reading fields of a parsed config file. Problems are thrown as ConfigProblem and reported by the
 *  loader together with the file name. Like Go's decoder, null and "" mean "not set". */
export class ConfigProblem extends Error {
  override name = 'ConfigProblem';
}

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown, what: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ConfigProblem(`${what} must be a JSON object`);
  }
  return value as JsonObject;
}

/** The string at `key`, or undefined when absent, null or "". */
export function optionalString(obj: JsonObject, key: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new ConfigProblem(`"${key}" must be a string`);
  return value;
}

export function requiredString(obj: JsonObject, key: string, problem: string): string {
  const value = optionalString(obj, key);
  if (value === undefined) throw new ConfigProblem(problem);
  return value;
}

export function stringList(obj: JsonObject, key: string): string[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw new ConfigProblem(`"${key}" must be an array of strings`);
  }
  return value as string[];
}
