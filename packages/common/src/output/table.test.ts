import { describe, expect, it } from 'vitest';
import { formatTable } from './table.js';

const IMAGE_HEADERS = ['ID', 'NAME', 'SIZE', 'IMPORT TIME', 'LAST USED'];
const LIST_HEADERS = ['UUID', 'APP', 'IMAGE NAME', 'STATE', 'CREATED', 'STARTED', 'NETWORKS'];

describe('formatTable', () => {
  it('reproduces rkt image list (rkt-observed §5)', () => {
    const rows = [
      ['sha512-6b38a6a95895', 'example.com/busybox:1.35.0', '1.9MiB', '2 seconds ago', '2 seconds ago'],
      [
        'sha512-3ebc8f9a99cd',
        'coreos.com/rkt/stage1-fly:1.30.0+git171c416f',
        '33MiB',
        '2 seconds ago',
        '2 seconds ago',
      ],
      [
        'sha512-6f09f55cf380',
        'coreos.com/rkt/stage1-host:1.30.0+git171c416f',
        '159MiB',
        '1 second ago',
        'now',
      ],
    ];
    expect(formatTable(IMAGE_HEADERS, rows)).toBe(
      'ID\t\t\tNAME\t\t\t\t\t\tSIZE\tIMPORT TIME\tLAST USED\n' +
        'sha512-6b38a6a95895\texample.com/busybox:1.35.0\t\t\t1.9MiB\t2 seconds ago\t2 seconds ago\n' +
        'sha512-3ebc8f9a99cd\tcoreos.com/rkt/stage1-fly:1.30.0+git171c416f\t33MiB\t2 seconds ago\t2 seconds ago\n' +
        'sha512-6f09f55cf380\tcoreos.com/rkt/stage1-host:1.30.0+git171c416f\t159MiB\t1 second ago\tnow\n',
    );
  });

  it('reproduces rkt list with trailing empty cells (rkt-observed §7)', () => {
    const rows = [
      ['4c45384b', 'busybox', 'example.com/busybox:1.35.0', 'exited', '1 second ago', '1 second ago', ''],
      ['d9d04668', 'busybox', 'example.com/busybox:1.35.0', 'exited', '3 seconds ago', '3 seconds ago', ''],
    ];
    expect(formatTable(LIST_HEADERS, rows)).toBe(
      'UUID\t\tAPP\tIMAGE NAME\t\t\tSTATE\tCREATED\t\tSTARTED\t\tNETWORKS\n' +
        '4c45384b\tbusybox\texample.com/busybox:1.35.0\texited\t1 second ago\t1 second ago\t\n' +
        'd9d04668\tbusybox\texample.com/busybox:1.35.0\texited\t3 seconds ago\t3 seconds ago\t\n',
    );
  });

  it('reproduces a multi-app pod: later rows keep empty cells', () => {
    const rows = [
      ['6bb2adc2', 'a', 'example.com/busybox:1.35.0', 'exited', '2 seconds ago', '2 seconds ago', ''],
      ['', 'b', 'example.com/busybox:1.35.0', '', '', '', ''],
    ];
    expect(formatTable(LIST_HEADERS, rows).split('\n').slice(1)).toEqual([
      '6bb2adc2\ta\texample.com/busybox:1.35.0\texited\t2 seconds ago\t2 seconds ago\t',
      '\t\tb\texample.com/busybox:1.35.0\t\t\t\t\t\t',
      '',
    ]);
  });

  it('reproduces a prepared pod with an empty STARTED cell', () => {
    const rows = [['3aa4bd49', 'busybox', 'example.com/busybox:1.35.0', 'prepared', 'now', '', '']];
    expect(formatTable(LIST_HEADERS, rows).split('\n')[1]).toBe(
      '3aa4bd49\tbusybox\texample.com/busybox:1.35.0\tprepared\tnow\t\t',
    );
  });

  it('prints single tabs for an empty store or pod list', () => {
    expect(formatTable(IMAGE_HEADERS, [])).toBe('ID\tNAME\tSIZE\tIMPORT TIME\tLAST USED\n');
    expect(formatTable(LIST_HEADERS, [])).toBe('UUID\tAPP\tIMAGE NAME\tSTATE\tCREATED\tSTARTED\tNETWORKS\n');
  });

  it('with noLegend drops the header, which then does not widen columns', () => {
    expect(formatTable(['IDENTIFIER', 'N'], [['ab', 'x']], { noLegend: true })).toBe('ab\tx\n');
    expect(formatTable(['IDENTIFIER', 'N'], [], { noLegend: true })).toBe('');
  });

  it('pads exact multiples of 8 with one more tab stop', () => {
    expect(formatTable(['12345678', 'B'], [['1234567', 'x']])).toBe('12345678\tB\n1234567\t\tx\n');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(formatTable(['A', 'B'], [['😀😀😀😀😀😀😀', 'x']])).toBe('A\tB\n😀😀😀😀😀😀😀\tx\n');
  });

  it('rejects ragged rows', () => {
    expect(() => formatTable(['A', 'B'], [['only one']])).toThrow('row has 1 cells, expected 2');
  });
});
