import { describe, expect, it } from 'vitest';
import { authorityFor } from './deps.js';

describe('authorityFor', () => {
  it('discovers a dependency on the port its parent came from, for the same host only', () => {
    expect(authorityFor('127.0.0.1/base', '127.0.0.1:8080')).toBe('127.0.0.1:8080');
    expect(authorityFor('example.com/base', '127.0.0.1:8080')).toBeUndefined();
    expect(authorityFor('127.0.0.1/base', '127.0.0.1')).toBeUndefined();
    expect(authorityFor('127.0.0.1/base', undefined)).toBeUndefined();
  });
});
